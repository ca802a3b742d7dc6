using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>A page of a record list, the same for causes, treatments, preventions and red flags.</summary>
internal static class RecordPages
{
    public static JsonOk<PagedResponse<RecordSummary>> Ok(IReadOnlyList<SnapshotRecord> items, int page, int pageSize, int total)
    {
        var rows = new RecordSummary[items.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = items[i].Row;
        }

        return JsonOk.Of(new PagedResponse<RecordSummary>(rows, page, pageSize, total, Disclaimer.Text));
    }
}
