using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>The sub-resource lists (<c>/causes/{id}/treatments</c> and the like) differ only in their link.</summary>
internal static class RelatedListing
{
    public static Results<JsonOk<RelatedRecords>, ProblemHttpResult> List(
        KnowledgeSnapshot snapshot, RecordDirectory directory, RecordKind kind, string id, LinkKind link, bool outgoing)
    {
        if (snapshot.FindRecord(kind, id) is not { } record)
        {
            return RecordProblems.NotFound(kind, id, directory);
        }

        return JsonOk.Of(Answer(kind, record, link, outgoing));
    }

    /// <summary>The records linked to <paramref name="record"/> by <paramref name="link"/>, as every interface serves them.</summary>
    public static RelatedRecords Answer(RecordKind kind, SnapshotRecord record, LinkKind link, bool outgoing)
    {
        var items = outgoing ? record.LinkedFrom(link) : record.LinkedTo(link);
        return new RelatedRecords(new RecordRef(kind.WireName(), record.Id, record.Name), items, items.Count, Disclaimer.Text);
    }
}
