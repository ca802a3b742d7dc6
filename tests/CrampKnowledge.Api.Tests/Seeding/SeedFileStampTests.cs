using System.Text;
using CrampKnowledge.Api.Data.Seeding;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>
/// When a start trusts the database without hashing seed-data (<see cref="SeedFileStamps"/>), and that any change to a
/// seed file's bytes still rebuilds it while a touched file with the same bytes neither rebuilds nor changes the version.
/// </summary>
public sealed class SeedFileStampTests : IDisposable
{
    private readonly SeedFolder _seed = new();

    public void Dispose() => _seed.Dispose();

    [Fact]
    public void SettledSeedFilesAreTrustedOnTheirStampsWithoutHashing()
    {
        SetAllWriteTimes(SettledTime());
        var built = KnowledgeDatabase.EnsureBuilt(_seed.Location);

        var opened = KnowledgeDatabase.EnsureBuilt(_seed.Location);

        Assert.True(built.Rebuilt);
        Assert.False(opened.Rebuilt);
        Assert.False(opened.Hashed);
        Assert.Equal(built.ContentVersion, opened.ContentVersion);
    }

    [Fact]
    public void ASeedFileEditedToTheSameSizeRebuildsTheDatabase()
    {
        SetAllWriteTimes(SettledTime());
        var built = KnowledgeDatabase.EnsureBuilt(_seed.Location);
        var path = _seed.PathOf("causes.json");
        var bytes = File.ReadAllBytes(path);
        var sizeBefore = bytes.Length;
        var summary = Encoding.UTF8.GetBytes("\"summary\": \"");
        var at = bytes.AsSpan().IndexOf(summary) + summary.Length;
        bytes[at] = bytes[at] == (byte)'X' ? (byte)'Y' : (byte)'X';
        File.WriteAllBytes(path, bytes);

        var opened = KnowledgeDatabase.EnsureBuilt(_seed.Location);

        Assert.Equal(sizeBefore, new FileInfo(path).Length);
        Assert.True(opened.Rebuilt);
        Assert.NotEqual(built.ContentVersion, opened.ContentVersion);
        Assert.Equal(SeedContentHash.Compute(_seed.SeedPath), opened.ContentVersion);
    }

    [Fact]
    public void ATouchedSeedFileWithTheSameBytesIsHashedAndKeepsTheDatabaseAndItsVersion()
    {
        SetAllWriteTimes(SettledTime());
        var built = KnowledgeDatabase.EnsureBuilt(_seed.Location);
        File.SetLastWriteTimeUtc(_seed.PathOf("links.json"), SettledTime().AddMinutes(1));

        var opened = KnowledgeDatabase.EnsureBuilt(_seed.Location);
        var again = KnowledgeDatabase.EnsureBuilt(_seed.Location);

        Assert.False(opened.Rebuilt);
        Assert.True(opened.Hashed);
        Assert.Equal(built.ContentVersion, opened.ContentVersion);
        Assert.True(again.Hashed);
    }

    [Fact]
    public void AnAddedSeedFileRebuildsTheDatabase()
    {
        SetAllWriteTimes(SettledTime());
        var built = KnowledgeDatabase.EnsureBuilt(_seed.Location);
        var source = Directory.EnumerateFiles(Path.Combine(_seed.SeedPath, "sources")).First();
        var copy = Path.Combine(_seed.SeedPath, "sources", "zz-extra-copy" + Path.GetExtension(source));
        File.Copy(source, copy);
        File.SetLastWriteTimeUtc(copy, SettledTime());

        var opened = KnowledgeDatabase.EnsureBuilt(_seed.Location);

        Assert.True(opened.Rebuilt);
        Assert.NotEqual(built.ContentVersion, opened.ContentVersion);
    }

    [Fact]
    public void FilesWrittenJustBeforeTheBuildAreNotTrusted()
    {
        // A second write in the same clock tick as the last one would not have moved a file's time.
        SetAllWriteTimes(DateTime.UtcNow);
        KnowledgeDatabase.EnsureBuilt(_seed.Location);

        Assert.True(KnowledgeDatabase.EnsureBuilt(_seed.Location).Hashed);
    }

    [Fact]
    public void TimesInWholeSecondsAreNotTrusted()
    {
        // As archives and reproducible builds set them: another version of a file can carry the same time and size.
        var whole = DateTime.UtcNow.AddHours(-1);
        SetAllWriteTimes(new DateTime(whole.Ticks - (whole.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc));
        KnowledgeDatabase.EnsureBuilt(_seed.Location);

        Assert.True(KnowledgeDatabase.EnsureBuilt(_seed.Location).Hashed);
    }

    [Fact]
    public void OnlyStampsOfOldFilesWithSubSecondTimesCanBeTrusted()
    {
        var now = DateTime.UtcNow;
        SeedFileStamp Written(DateTime time) => new("causes.json", 10, time.Ticks);

        Assert.True(SeedFileStamps.CanBeTrusted([Written(now.AddSeconds(-3).AddTicks(1))], now));
        Assert.False(SeedFileStamps.CanBeTrusted([Written(now.AddSeconds(-1))], now));
        Assert.False(SeedFileStamps.CanBeTrusted([Written(now.AddSeconds(5))], now));
        Assert.False(SeedFileStamps.CanBeTrusted([Written(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc))], now));
        Assert.False(SeedFileStamps.Match([], []));
    }

    /// <summary>An hour ago, with a fraction of a second, as a file written by a program has.</summary>
    private static DateTime SettledTime() => new DateTime(DateTime.UtcNow.AddHours(-1).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc).AddTicks(1_234_567);

    private void SetAllWriteTimes(DateTime time)
    {
        foreach (var file in Directory.EnumerateFiles(_seed.SeedPath, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, time);
        }
    }
}
