using Microsoft.Data.Sqlite;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>
/// Each seed file's size and last write time, recorded in the database when it is built, so that a start whose seed files
/// all still show the same stamps can trust the database without hashing them: at 100x content the hash read 35 MB and
/// took 0.1-0.35 s of CPU at every start (issue 19). Any mismatch (a file added, removed, resized or written since) falls
/// back to the hash, which decides as before; a touched file with unchanged bytes is therefore only hashed, never rebuilt.
/// A write changes the last write time, to 100 ns on Linux filesystems, so a changed file cannot keep its stamp unless
/// its time is set back on purpose. Two cases where an honest change could keep it are excluded when the stamps are
/// taken: a file written within <see cref="SettleTime"/> of the stamping (a second write in the same clock tick would
/// not move the time: git's "racily clean" problem), and a time in whole seconds, as archives, copies with preserved
/// times and reproducible builds set them, where another version of the file may carry the same time and size. Then no
/// stamps are recorded and every start hashes.
/// </summary>
internal static class SeedFileStamps
{
    /// <summary>How old every file's last write must be, when the stamps are taken, for them to be trusted.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private const string Table = "SeedFileStamps";

    /// <summary>The seed files' stamps now, in <see cref="SeedContentHash.Files"/> order.</summary>
    public static IReadOnlyList<SeedFileStamp> Take(string seedDirectory) =>
        SeedContentHash.Files(seedDirectory).Select(f =>
        {
            var info = new FileInfo(f.Full);
            return new SeedFileStamp(f.Relative, info.Length, info.LastWriteTimeUtc.Ticks);
        }).ToList();

    /// <summary>True when no file could have changed unseen after <paramref name="takenAtUtc"/> (see the class summary).</summary>
    public static bool CanBeTrusted(IReadOnlyList<SeedFileStamp> stamps, DateTime takenAtUtc) =>
        stamps.All(s => s.LastWriteTicks % TimeSpan.TicksPerSecond != 0 && s.LastWriteTicks <= (takenAtUtc - SettleTime).Ticks);

    /// <summary>Records the stamps in a database being built (the table is not part of the EF model: only this class reads it).</summary>
    public static void Write(SqliteConnection connection, IReadOnlyList<SeedFileStamp> stamps)
    {
        using var transaction = connection.BeginTransaction();
        using var create = connection.CreateCommand();
        create.CommandText = $"CREATE TABLE {Table} (Path TEXT NOT NULL PRIMARY KEY, Length INTEGER NOT NULL, LastWriteTicks INTEGER NOT NULL)";
        create.ExecuteNonQuery();
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO {Table} (Path, Length, LastWriteTicks) VALUES ($path, $length, $ticks)";
        var (path, length, ticks) = (insert.Parameters.Add("$path", SqliteType.Text), insert.Parameters.Add("$length", SqliteType.Integer),
            insert.Parameters.Add("$ticks", SqliteType.Integer));
        foreach (var stamp in stamps)
        {
            (path.Value, length.Value, ticks.Value) = (stamp.Path, stamp.Length, stamp.LastWriteTicks);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The stamps a database recorded, in path order; empty when it has none (built untrusted, or before stamps existed).</summary>
    public static IReadOnlyList<SeedFileStamp> Read(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Path, Length, LastWriteTicks FROM {Table}";
        try
        {
            using var reader = command.ExecuteReader();
            var stamps = new List<SeedFileStamp>();
            while (reader.Read())
            {
                stamps.Add(new SeedFileStamp(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
            }

            return [.. stamps.OrderBy(s => s.Path, StringComparer.Ordinal)];
        }
        catch (SqliteException)
        {
            return [];
        }
    }

    /// <summary>True when both list the same files with the same sizes and times; never for an empty list.</summary>
    public static bool Match(IReadOnlyList<SeedFileStamp> recorded, IReadOnlyList<SeedFileStamp> now) =>
        recorded.Count > 0 && recorded.SequenceEqual(now);
}

/// <summary>One seed file's path relative to seed-data (with '/'), size in bytes and last write time in UTC ticks.</summary>
internal sealed record SeedFileStamp(string Path, long Length, long LastWriteTicks);
