using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>The list query all four record kinds share: filter and page records already in list order.</summary>
internal static class RecordListing
{
    /// <summary>The requested page of matching records, and how many match on all pages.</summary>
    public static (IReadOnlyList<SnapshotRecord> Items, int Total) List(KnowledgeSnapshot snapshot, RecordListFilter filter)
    {
        // The lists are a few dozen records in the requested order, so filtering keeps that order and nothing is sorted here.
        IEnumerable<SnapshotRecord> records = snapshot.RecordsOf(filter.Kind, filter.Sort);
        if (filter.Q is { } q)
        {
            // As the SQL did: the needle is lower-cased fully, the text only in ASCII (SQLite's lower()).
            var needle = q.ToLowerInvariant();
            records = records.Where(r => r.LowerWords.Any(w => w.Contains(needle, StringComparison.Ordinal)));
        }

        if (filter.Category is { } category)
        {
            records = records.Where(r => r.Category == category);
        }

        if (filter.Source is { } source)
        {
            records = records.Where(r => r.IsCitedBy(source));
        }

        if (filter.MinSources > 1)
        {
            records = records.Where(r => r.SourceCount >= filter.MinSources);
        }

        if (filter.Urgency is { } urgency)
        {
            records = records.Where(r => r.Urgency == urgency);
        }

        foreach (var link in filter.Links)
        {
            records = link.OtherIsFrom
                ? records.Where(r => snapshot.HasLink(link.Kind, link.OtherKey, r.Key))
                : records.Where(r => snapshot.HasLink(link.Kind, r.Key, link.OtherKey));
        }

        var matches = records as IReadOnlyList<SnapshotRecord> ?? records.ToList();
        return (matches.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToList(), matches.Count);
    }
}
