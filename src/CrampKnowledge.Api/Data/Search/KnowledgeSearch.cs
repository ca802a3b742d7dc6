using System.Net;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Seeding;
using Microsoft.Data.Sqlite;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Runs a search plan against the FTS5 index over a pooled read-only connection, then fills in the
/// hits' records and quotes from the snapshot.
/// </summary>
public sealed class KnowledgeSearch(KnowledgeDatabaseLocation location, KnowledgeSnapshot snapshot)
{
    // Markers FTS5 puts around matches; control characters, so they cannot occur in the indexed text.
    private const char MarkStart = '\u0002';
    private const char MarkEnd = '\u0003';

    // The SQL text never varies with input (types travel as one parameter, ",cause,treatment,"), so SQLite sees one statement.
    private const string MatchSql = $"""
        SELECT type, slug,
               -bm25({SearchIndex.Table}, {SearchIndex.Bm25Weights}) AS score,
               snippet({SearchIndex.Table}, -1, char(2), char(3), '…', 16) AS snippet
        FROM {SearchIndex.Table}
        WHERE {SearchIndex.Table} MATCH $match
          AND instr($types, ',' || type || ',') > 0
        ORDER BY bm25({SearchIndex.Table}, {SearchIndex.Bm25Weights})
        LIMIT $limit
        """;

    private readonly string _connectionString = location.ReadOnlyConnectionString;

    public IReadOnlyList<SearchHit> Find(SearchPlan plan, IReadOnlyList<string> types, int limit)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = MatchSql;
        command.Parameters.AddWithValue("$match", plan.FtsQuery);
        command.Parameters.AddWithValue("$types", "," + string.Join(',', types) + ",");
        command.Parameters.AddWithValue("$limit", limit);

        var hits = new List<SearchHit>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (type, slug) = (reader.GetString(0), reader.GetString(1));
            var score = Math.Round(reader.GetDouble(2), 3);
            var snippet = Highlight(reader.GetString(3));
            if (type == "source")
            {
                var source = snapshot.FindSource(slug) ?? throw new InvalidOperationException($"The search index names unknown source '{slug}'.");
                hits.Add(new SearchHit(type, slug, source.Title, source.Detail.Summary, score, snippet, null, []));
                continue;
            }

            var record = (RecordKinds.FromWireName(type) is { } kind ? snapshot.FindRecord(kind, slug) : null)
                ?? throw new InvalidOperationException($"The search index names unknown {type} '{slug}'.");
            hits.Add(new SearchHit(type, slug, record.Name, record.Summary, score, snippet, record.Urgency, record.Citations));
        }

        return hits;
    }

    /// <summary>HTML-escapes the passage, then turns the FTS5 markers into &lt;mark&gt; tags.</summary>
    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
}
