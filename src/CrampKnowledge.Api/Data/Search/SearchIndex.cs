using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// The SQLite FTS5 index over every record's name, aliases, summary and quotes, and every source's
/// title and text. Built once with the database. The tokenizer does not stem: the query side strips
/// endings and matches prefixes instead, which gives both "dehydrat" → dehydration and
/// "cramping" → cramps (porter stemming cannot do prefixes of unfinished words).
/// </summary>
internal static class SearchIndex
{
    public const string Table = "SearchIndex";

    /// <summary>bm25 column weights: type and slug are not indexed; names and aliases outrank summaries and quotes.</summary>
    public const string Bm25Weights = "0.0, 0.0, 10.0, 8.0, 3.0, 1.0";

    public static void Create(KnowledgeDbContext db)
    {
        db.Database.ExecuteSqlRaw($"""
            CREATE VIRTUAL TABLE {Table} USING fts5(
                type UNINDEXED, slug UNINDEXED, name, aliases, summary, quotes,
                tokenize = 'unicode61 remove_diacritics 2')
            """);

        var records = db.Records.AsNoTracking()
            .Select(r => new
            {
                r.Kind, r.Slug, r.Name, r.Summary,
                Aliases = r.Aliases.OrderBy(a => a.Position).Select(a => a.Text).ToList(),
                Quotes = r.Citations.OrderBy(c => c.Position).Select(c => c.Quote).ToList(),
            })
            .ToList();
        foreach (var r in records)
        {
            Insert(db, r.Kind.WireName(), r.Slug, r.Name, string.Join(" | ", r.Aliases), r.Summary, string.Join(" … ", r.Quotes));
        }

        foreach (var s in db.Sources.AsNoTracking().ToList())
        {
            Insert(db, "source", s.Id, s.Title, s.Publisher ?? "", s.Summary, s.Text);
        }
    }

    private static void Insert(KnowledgeDbContext db, string type, string slug, string name, string aliases, string summary, string quotes) =>
        db.Database.ExecuteSqlInterpolated($"""
            INSERT INTO SearchIndex (type, slug, name, aliases, summary, quotes)
            VALUES ({type}, {slug}, {name}, {aliases}, {summary}, {quotes})
            """);
}
