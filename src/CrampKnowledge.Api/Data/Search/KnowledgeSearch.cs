using System.Net;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Projections;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>Runs a search plan against the FTS5 index, then reads the hits' records and quotes with EF.</summary>
internal static class KnowledgeSearch
{
    // Markers FTS5 puts around matches; control characters, so they cannot occur in the indexed text.
    private const char MarkStart = '\u0002';
    private const char MarkEnd = '\u0003';

    public static async Task<IReadOnlyList<SearchHit>> SearchAsync(
        KnowledgeDbContext db, SearchPlan plan, IReadOnlyList<string> types, int limit, CancellationToken ct)
    {
        // Types travel as one parameter (",cause,treatment,"), so the SQL text never varies with input.
        var typeFilter = "," + string.Join(',', types) + ",";
        var matches = await db.Set<SearchMatch>().FromSqlInterpolated($"""
            SELECT type AS Type, slug AS Slug,
                   -bm25(SearchIndex, 0.0, 0.0, 10.0, 8.0, 3.0, 1.0) AS Score,
                   snippet(SearchIndex, -1, char(2), char(3), '…', 16) AS Snippet
            FROM SearchIndex
            WHERE SearchIndex MATCH {plan.FtsQuery}
              AND instr({typeFilter}, ',' || type || ',') > 0
            ORDER BY bm25(SearchIndex, 0.0, 0.0, 10.0, 8.0, 3.0, 1.0)
            LIMIT {limit}
            """).AsNoTracking().ToListAsync(ct);
        if (matches.Count == 0)
        {
            return [];
        }

        var recordSlugs = matches.Where(m => m.Type != "source").Select(m => m.Slug).Distinct().ToList();
        var records = (await db.Records.AsNoTracking()
            .Where(r => recordSlugs.Contains(r.Slug))
            .Select(r => new
            {
                r.Kind, r.Slug, r.Name, r.Summary,
                Urgency = r.Kind == RecordKind.RedFlag ? ((RedFlag)r).Urgency : null,
                Citations = r.Citations.OrderBy(c => c.Position).AsQueryable().Select(CitationProjections.ToContract).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct))
            .ToDictionary(r => (r.Kind.WireName(), r.Slug));
        var sourceSlugs = matches.Where(m => m.Type == "source").Select(m => m.Slug).ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => sourceSlugs.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new { s.Title, s.Summary }, ct);

        return matches.Select(m =>
        {
            var snippet = Highlight(m.Snippet);
            var score = Math.Round(m.Score, 3);
            if (m.Type == "source")
            {
                var source = sources[m.Slug];
                return new SearchHit(m.Type, m.Slug, source.Title, source.Summary, score, snippet, null, []);
            }

            var record = records[(m.Type, m.Slug)];
            return new SearchHit(m.Type, m.Slug, record.Name, record.Summary, score, snippet, record.Urgency, record.Citations);
        }).ToList();
    }

    /// <summary>HTML-escapes the passage, then turns the FTS5 markers into &lt;mark&gt; tags.</summary>
    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
}
