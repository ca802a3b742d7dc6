using System.Security.Cryptography;
using CrampKnowledge.Api.Data.Seeding;
using Microsoft.Data.Sqlite;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>When the API builds its database file from seed-data/, and when it keeps the one it has.</summary>
public class DatabaseBuildTests
{
    [Fact]
    public async Task EditingTheSeedDataRebuildsTheDatabaseOnTheNextStart()
    {
        using var seed = new SeedFolder();
        var before = await ContentVersionAsync(seed);
        var cause = TestJson.SeedRecords("causes")[0].Text("id");
        seed.EditJson("causes.json", n => n[0]!["summary"] = "A summary the rebuild test wrote.");

        using var api = seed.StartApi();
        using var client = api.CreateClient();
        var after = (await client.GetOkAsync("/api/v1")).Text("contentVersion");
        var detail = await client.GetOkAsync($"/api/v1/causes/{cause}");

        Assert.NotEqual(before, after);
        Assert.Matches("^[0-9a-f]{32}$", after);
        Assert.Equal("A summary the rebuild test wrote.", detail.Text("summary"));
    }

    [Fact]
    public async Task ASecondStartWithUnchangedSeedDataReusesTheFile()
    {
        using var seed = new SeedFolder();
        var before = await ContentVersionAsync(seed);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(seed.DatabasePath, stamp);

        var after = await ContentVersionAsync(seed);

        Assert.Equal(before, after);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(seed.DatabasePath));
    }

    [Theory]
    [InlineData("random bytes")]
    [InlineData("empty file")]
    [InlineData("another application's SQLite file")]
    public async Task AnUnreadableDatabaseFileIsRebuilt(string content)
    {
        using var seed = new SeedFolder();
        WriteDatabaseFile(seed.DatabasePath, content);

        using var api = seed.StartApi();
        var causes = await api.CreateClient().GetOkAsync("/api/v1/causes");

        Assert.Equal(TestJson.SeedRecords("causes").Count, causes.GetProperty("total").GetInt32());
    }

    [Fact]
    public void TheLoaderSaysWhyItRebuildsAnUnreadableFile()
    {
        using var seed = new SeedFolder();
        WriteDatabaseFile(seed.DatabasePath, "random bytes");

        var outcome = KnowledgeDatabase.EnsureBuilt(seed.Location);

        Assert.True(outcome.Rebuilt);
        Assert.Contains("cannot be read", outcome.Reason, StringComparison.Ordinal);
        Assert.False(KnowledgeDatabase.EnsureBuilt(seed.Location).Rebuilt);
    }

    [Fact]
    public void ASeedEditThatBreaksValidationLeavesTheLastGoodDatabaseUntouched()
    {
        using var seed = new SeedFolder();
        KnowledgeDatabase.EnsureBuilt(seed.Location);
        var good = SHA256.HashData(File.ReadAllBytes(seed.DatabasePath));
        seed.EditJson("links.json", n => n["causeRedFlags"]![0]!["redFlag"] = "no-such-red-flag");

        Assert.Throws<SeedDataException>(() => KnowledgeDatabase.EnsureBuilt(seed.Location));

        Assert.Equal(good, SHA256.HashData(File.ReadAllBytes(seed.DatabasePath)));
        Assert.DoesNotContain(Directory.EnumerateFiles(seed.Root), f => f.EndsWith(".building", StringComparison.Ordinal));
    }

    private static async Task<string> ContentVersionAsync(SeedFolder seed)
    {
        using var api = seed.StartApi();
        using var client = api.CreateClient();
        return (await client.GetOkAsync("/api/v1")).Text("contentVersion");
    }

    private static void WriteDatabaseFile(string path, string content)
    {
        switch (content)
        {
            case "random bytes":
                File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(8192));
                break;
            case "empty file":
                File.WriteAllBytes(path, []);
                break;
            default:
                using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT); INSERT INTO Notes (Text) VALUES ('not ours');";
                    command.ExecuteNonQuery();
                }

                break;
        }
    }
}
