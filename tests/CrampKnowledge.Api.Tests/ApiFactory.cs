using CrampKnowledge.Api.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CrampKnowledge.Api.Tests;

/// <summary>
/// The API in process over a SQLite file of its own, built from seed-data/ when the host starts.
/// Read-only test classes share one through <c>IClassFixture&lt;ApiFactory&gt;</c>.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _ownDatabasePath =
        Path.Combine(Path.GetTempPath(), $"crampknowledge-tests-{Guid.NewGuid():N}.db");

    private readonly string? _databasePath;

    /// <summary>The database file. A test that sets it owns the file; otherwise the factory deletes its own on dispose.</summary>
    public string DatabasePath
    {
        get => _databasePath ?? _ownDatabasePath;
        init => _databasePath = value;
    }

    /// <summary>An absolute seed-data folder to build from instead of the copy beside the test binaries.</summary>
    public string? SeedDataPath { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Knowledge", new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString());
        if (SeedDataPath is not null)
        {
            builder.UseSetting("Knowledge:SeedDataPath", SeedDataPath);
        }

        // EF logs every command at Information; that is noise in a test run, not evidence.
        builder.ConfigureLogging(logging => logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        ReleaseFile(DatabasePath);
        if (_databasePath is null)
        {
            DeleteDatabase(_ownDatabasePath);
        }
    }

    /// <summary>Closes the pooled read-only connections the host kept open on a database file.</summary>
    public static void ReleaseFile(string databasePath)
    {
        var location = new KnowledgeDatabaseLocation(databasePath, AppContext.BaseDirectory);
        using var connection = new SqliteConnection(location.ReadOnlyConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static void DeleteDatabase(string databasePath)
    {
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
