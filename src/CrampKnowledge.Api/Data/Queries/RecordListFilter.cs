using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>A validated list request, with names already resolved to row keys.</summary>
internal sealed record RecordListFilter(
    RecordKind Kind, string? Q, string? Category, string? Source, int MinSources, string Sort, int Page, int PageSize,
    IReadOnlyList<LinkConstraint> Links, string? Urgency = null)
{
    public static RecordListFilter From(RecordKind kind, IRecordListQuery query, params ReadOnlySpan<LinkConstraint?> links) => new(
        kind,
        Blank(query.Q),
        Blank(query.Category),
        // Source ids are lower-case kebab (seed validation), so any casing of one names it.
        Blank(query.Source)?.ToLowerInvariant(),
        query.MinSources ?? 1,
        query.Sort ?? "name",
        query.Page ?? 1,
        query.PageSize ?? Paging.DefaultPageSize,
        Present(links));

    // The relation filters that were given; a loop, not LINQ, since every list request builds a filter.
    private static LinkConstraint[] Present(ReadOnlySpan<LinkConstraint?> links)
    {
        var count = 0;
        foreach (var link in links)
        {
            count += link is null ? 0 : 1;
        }

        if (count == 0)
        {
            return [];
        }

        var present = new LinkConstraint[count];
        count = 0;
        foreach (var link in links)
        {
            if (link is not null)
            {
                present[count++] = link;
            }
        }

        return present;
    }

    /// <summary>An empty parameter (<c>?cause=</c>, common from HTML forms) means no filter.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
