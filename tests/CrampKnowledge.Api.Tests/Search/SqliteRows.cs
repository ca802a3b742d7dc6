using Microsoft.Data.Sqlite;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>Every row of a plain SQL query, read with a function: how the reference FTS5 index reads the database, beside EF Core.</summary>
internal static class SqliteRows
{
    public static List<T> Read<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
