using Microsoft.Data.Sqlite;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>
/// Where the database file and the seed data live, and how to reach the file. The API only ever
/// reads the file; it is written once, by <see cref="KnowledgeDatabase.EnsureBuilt"/>, before serving.
/// </summary>
public sealed record KnowledgeDatabaseLocation(string DatabasePath, string SeedDataPath)
{
    public string ReadOnlyConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = DatabasePath,
        Mode = SqliteOpenMode.ReadOnly,
    }.ToString();

    /// <summary>
    /// Resolves <c>ConnectionStrings:Knowledge</c>; a relative file name is placed beside the binaries,
    /// so a fresh clone needs no set-up and never writes into the source tree.
    /// </summary>
    public static KnowledgeDatabaseLocation FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Knowledge") ?? "Data Source=knowledge.db";
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrWhiteSpace(dataSource) || dataSource.Contains(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("ConnectionStrings:Knowledge must name a database file (Data Source=path).");
        }

        var seedPath = configuration["Knowledge:SeedDataPath"] ?? "seed-data";
        return new KnowledgeDatabaseLocation(
            Path.GetFullPath(dataSource, AppContext.BaseDirectory),
            Path.GetFullPath(seedPath, AppContext.BaseDirectory));
    }
}
