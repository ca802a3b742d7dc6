using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using Microsoft.Data.Sqlite;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// The SQLite FTS5 table search used to run on, built as the database build used to build it (the
/// SQL of the retired SearchIndex.Create): the oracle <see cref="ReferenceFtsSearch"/> queries.
/// </summary>
internal static class ReferenceFtsIndex
{
    public const string Table = "SearchIndex";

    /// <summary>bm25 column weights: type and slug are not indexed; names and aliases outrank summaries and quotes.</summary>
    public const string Bm25Weights = "0.0, 0.0, 10.0, 8.0, 3.0, 1.0";

    private static readonly string[] Columns = ["type", "slug", "name", "aliases", "summary", "quotes"];

    /// <summary>Fills the index from the database's own tables, in one transaction.</summary>
    public static void Create(SqliteConnection connection)
    {
        Execute(connection, $"""
            CREATE VIRTUAL TABLE {Table} USING fts5(
                type UNINDEXED, slug UNINDEXED, name, aliases, summary, quotes,
                tokenize = 'unicode61 remove_diacritics 2')
            """);

        var aliases = SqliteRows.Read(connection, "SELECT Records.Id, Alias.value FROM Records, json_each(Records.Aliases) AS Alias ORDER BY Records.Id, Alias.key", r => (Record: r.GetInt32(0), Text: r.GetString(1)))
            .ToLookup(a => a.Record, a => a.Text);
        var quotes = SqliteRows.Read(connection, "SELECT RecordId, Quote FROM Citations WHERE Owner = 'record' ORDER BY RecordId, Position", r => (Record: r.GetInt32(0), Text: r.GetString(1)))
            .ToLookup(q => q.Record, q => q.Text);
        var rows = SqliteRows.Read(connection, "SELECT Id, Kind, Slug, Name, Summary FROM Records ORDER BY Id", r => (
                Type: ((RecordKind)r.GetInt32(1)).WireName(), Slug: r.GetString(2), Name: r.GetString(3),
                Aliases: string.Join(" | ", aliases[r.GetInt32(0)]), Summary: r.GetString(4), Quotes: string.Join(" … ", quotes[r.GetInt32(0)])))
            .Concat(SqliteRows.Read(connection, "SELECT Id, Title, Publisher, Summary, Text FROM Sources", r => (
                Type: "source", Slug: r.GetString(0), Name: r.GetString(1),
                Aliases: r.IsDBNull(2) ? "" : r.GetString(2), Summary: r.GetString(3), Quotes: r.GetString(4))))
            .ToList();

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {Table} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select(c => "$" + c))})";
        var parameters = Columns.Select(name => insert.Parameters.Add("$" + name, SqliteType.Text)).ToArray();
        foreach (var row in rows)
        {
            string[] values = [row.Type, row.Slug, row.Name, row.Aliases, row.Summary, row.Quotes];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i];
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
