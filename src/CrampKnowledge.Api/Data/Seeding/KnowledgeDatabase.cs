using CrampKnowledge.Api.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>Builds the database file from seed-data when it is missing, stale or unreadable.</summary>
public static class KnowledgeDatabase
{
    /// <summary>Bump when the entity model changes, so old files are rebuilt rather than misread.</summary>
    public const int SchemaVersion = 7;

    /// <param name="Hashed">False when the seed files' stamps matched the database's (<see cref="SeedFileStamps"/>) and were not read.</param>
    public sealed record Outcome(string ContentVersion, bool Rebuilt, string? Reason, bool Hashed = true);

    public static Outcome EnsureBuilt(KnowledgeDatabaseLocation location)
    {
        // Stamped before hashing: a file written after this moment shows a new time next start, and is hashed then.
        var stampedAt = DateTime.UtcNow;
        var stamps = SeedFileStamps.Take(location.SeedDataPath);
        var stored = ReadStored(location);
        if (stored.Problem is null && SeedFileStamps.Match(stored.Stamps, stamps))
        {
            return new Outcome(stored.ContentVersion!, Rebuilt: false, Reason: null, Hashed: false);
        }

        var contentVersion = SeedContentHash.Compute(location.SeedDataPath);
        var staleReason = stored.Problem
            ?? (stored.ContentVersion != contentVersion ? "seed-data has changed since the database file was built" : null);
        if (staleReason is null)
        {
            return new Outcome(contentVersion, Rebuilt: false, Reason: null);
        }

        var seed = SeedDataReader.Read(location.SeedDataPath);
        SeedDataValidator.ThrowIfInvalid(seed);
        try
        {
            Build(location.DatabasePath, seed, contentVersion, SeedFileStamps.CanBeTrusted(stamps, stampedAt) ? stamps : []);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeDatabaseException(
                $"Cannot build the database at {location.DatabasePath} ({staleReason}): {e.Message}", e);
        }

        return new Outcome(contentVersion, Rebuilt: true, staleReason);
    }

    /// <summary>What the file says about itself: its content version and seed stamps, or why it cannot be served as it is.</summary>
    private sealed record Stored(string? ContentVersion, IReadOnlyList<SeedFileStamp> Stamps, string? Problem);

    private static Stored ReadStored(KnowledgeDatabaseLocation location)
    {
        if (!File.Exists(location.DatabasePath))
        {
            return new Stored(null, [], "the database file does not exist");
        }

        try
        {
            // A file another process holds locked is "unreadable" after 2 s rather than the default 30 s: it gets rebuilt.
            // Plain SQL rather than EF: when the file is current, EF is never needed and its start-up cost is saved.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(location.ReadOnlyConnectionString) { Pooling = false, DefaultTimeout = 2 }.ToString());
            connection.Open();
            string storedVersion;
            int storedSchema;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT ContentVersion, SchemaVersion FROM ContentInfo LIMIT 2";
                using var reader = command.ExecuteReader();
                if (!reader.Read())
                {
                    return new Stored(null, [], "the database file has no content version");
                }

                (storedVersion, storedSchema) = (reader.GetString(0), reader.GetInt32(1));
                if (reader.Read())
                {
                    return new Stored(null, [], "the database file has more than one content version");
                }
            }

            return storedSchema != SchemaVersion
                ? new Stored(null, [], $"the database file has schema {storedSchema}, not {SchemaVersion}")
                : new Stored(storedVersion, SeedFileStamps.Read(connection), null);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or InvalidCastException)
        {
            return new Stored(null, [], $"the database file cannot be read ({e.Message})");
        }
    }

    /// <summary>
    /// Writes a new file beside the target and renames it into place, so a failed build never leaves
    /// a half-built database behind to be served next time.
    /// </summary>
    private static void Build(string databasePath, SeedDataset seed, string contentVersion, IReadOnlyList<SeedFileStamp> stamps)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var buildPath = $"{databasePath}.{Guid.NewGuid():N}.building";
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = buildPath, Pooling = false }.ToString();
            using (var db = KnowledgeDbContext.Open(connectionString))
            {
                db.Database.EnsureCreated();
                SeedEntityBuilder.AddTo(db, seed, contentVersion, SchemaVersion);
                db.SaveChanges();
            }

            using (var connection = new SqliteConnection(connectionString))
            {
                connection.Open();
                // EF creates SQLite files in WAL mode, which needs -shm/-wal files beside the database even to
                // read; a rollback journal lets the single file be opened read-only from read-only media.
                using var journal = connection.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE;";
                journal.ExecuteNonQuery();
                SeedFileStamps.Write(connection, stamps);
            }

            File.Move(buildPath, databasePath, overwrite: true);
        }
        finally
        {
            File.Delete(buildPath);
        }
    }
}
