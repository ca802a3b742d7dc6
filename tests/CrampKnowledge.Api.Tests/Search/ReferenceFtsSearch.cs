using System.Net;
using CrampKnowledge.Api.Data.Search;
using Microsoft.Data.Sqlite;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// Search as it was before the in-memory index: the plan as an FTS5 MATCH expression, ranked by
/// bm25 and cut by snippet() in SQLite, over a private copy of the API's database with the FTS5 table
/// added. The differential tests hold the new index to this.
/// </summary>
internal sealed class ReferenceFtsSearch : IDisposable
{
    private const string MatchSql = $"""
        SELECT type, slug,
               -bm25({ReferenceFtsIndex.Table}, {ReferenceFtsIndex.Bm25Weights}) AS score,
               snippet({ReferenceFtsIndex.Table}, -1, char(2), char(3), '…', 16) AS snippet
        FROM {ReferenceFtsIndex.Table}
        WHERE {ReferenceFtsIndex.Table} MATCH $match
          AND instr($types, ',' || type || ',') > 0
        ORDER BY bm25({ReferenceFtsIndex.Table}, {ReferenceFtsIndex.Bm25Weights})
        LIMIT $limit
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"crampknowledge-fts-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;

    public ReferenceFtsSearch(string databasePath)
    {
        using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString()))
        {
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        _connection.Open();
        ReferenceFtsIndex.Create(_connection);
    }

    /// <summary>The MATCH expression the plan used to carry: its phrases quoted, prefixes starred, joined with OR.</summary>
    public static string MatchExpression(SearchPlan plan) =>
        string.Join(" OR ", plan.Phrases.Select(p => p.IsPrefix ? $"\"{p.Text}\"*" : $"\"{p.Text}\""));

    /// <summary>
    /// The MATCH expression as SearchVocabulary.Plan used to write it (its ToFtsTerm), from the plan's
    /// terms and words: proof that <see cref="MatchExpression"/> loses nothing in the move to phrases.
    /// </summary>
    public static string FormerMatchExpression(SearchPlan plan)
    {
        static string ToFtsTerm(string term)
        {
            var words = SearchVocabulary.Words(term);
            if (words.Count != 1)
            {
                return $"\"{string.Join(' ', words)}\"";
            }

            var stem = SearchVocabulary.Stem(words[0]);
            return stem.Length >= 3 ? $"\"{stem}\"*" : $"\"{words[0]}\"";
        }

        var alternatives = plan.Terms.Select(ToFtsTerm).ToList();
        if (plan.Words.Count > 1)
        {
            alternatives.Add(ToFtsTerm(string.Join(' ', plan.Words)));
        }

        return string.Join(" OR ", alternatives.Distinct());
    }

    public List<(string Type, string Id, double Score, string Snippet)> Find(SearchPlan plan, IReadOnlyList<string> types, int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = MatchSql;
        command.Parameters.AddWithValue("$match", MatchExpression(plan));
        command.Parameters.AddWithValue("$types", "," + string.Join(',', types) + ",");
        command.Parameters.AddWithValue("$limit", limit);

        var hits = new List<(string, string, double, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hits.Add((reader.GetString(0), reader.GetString(1), Math.Round(reader.GetDouble(2), 3), Highlight(reader.GetString(3))));
        }

        return hits;
    }

    /// <summary>Runs any SQL on the copy, for tests that ask FTS5 itself (its tokenizer, its vocabulary).</summary>
    public SqliteConnection Connection => _connection;

    public void Dispose()
    {
        _connection.Dispose();
        File.Delete(_path);
    }

    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace("\u0002", "<mark>", StringComparison.Ordinal).Replace("\u0003", "</mark>", StringComparison.Ordinal);
}
