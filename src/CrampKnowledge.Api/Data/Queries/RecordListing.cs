using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>The list query all four record kinds share: filter and page records already in list order.</summary>
internal static class RecordListing
{
    /// <summary>The requested page of matching records, and how many match on all pages.</summary>
    public static (IReadOnlyList<SnapshotRecord> Items, int Total) List(KnowledgeSnapshot snapshot, RecordListFilter filter)
    {
        // The lists are a few dozen records in the requested order, so filtering keeps that order and nothing is sorted here.
        // One pass that counts every match and keeps only the page's: every uncached list request runs it.
        var records = snapshot.RecordsOf(filter.Kind, filter.Sort);
        // As the SQL did: the needle is lower-cased fully, the text only in ASCII (SQLite's lower()).
        var needle = filter.Q?.ToLowerInvariant();
        var skip = (filter.Page - 1) * filter.PageSize;
        List<SnapshotRecord>? page = null;
        var total = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (!Matches(snapshot, filter, needle, record))
            {
                continue;
            }

            if (total >= skip && total - skip < filter.PageSize)
            {
                (page ??= new List<SnapshotRecord>(Math.Min(filter.PageSize, records.Count - i))).Add(record);
            }

            total++;
        }

        return (page ?? [], total);
    }

    private static bool Matches(KnowledgeSnapshot snapshot, RecordListFilter filter, string? needle, SnapshotRecord record)
    {
        if ((needle is not null && !HasWordContaining(record, needle))
            || (filter.Category is { } category && record.Category != category)
            || (filter.Source is { } source && !record.IsCitedBy(source))
            || (filter.MinSources > 1 && record.SourceCount < filter.MinSources)
            || (filter.Urgency is { } urgency && record.Urgency != urgency))
        {
            return false;
        }

        foreach (var link in filter.Links)
        {
            var linked = link.OtherIsFrom
                ? snapshot.HasLink(link.Kind, link.OtherKey, record.Key)
                : snapshot.HasLink(link.Kind, record.Key, link.OtherKey);
            if (!linked)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasWordContaining(SnapshotRecord record, string needle)
    {
        foreach (var word in record.LowerWords)
        {
            if (word.Contains(needle, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
