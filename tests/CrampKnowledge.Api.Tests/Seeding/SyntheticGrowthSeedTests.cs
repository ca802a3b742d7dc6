using CrampKnowledge.Api.Data.Seeding;
using CrampKnowledge.Bench.Growth;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>
/// bench/growth.sh measures the API on synthetic seed data ten and a hundred times the real size; the measurement
/// means nothing unless the API accepts that data as it accepts the real folder, with every rule it applies.
/// </summary>
public sealed class SyntheticGrowthSeedTests : IDisposable
{
    private const int Scale = 10;

    private readonly string _root = Directory.CreateTempSubdirectory("crampknowledge-growth-").FullName;

    private string SeedPath => Path.Combine(_root, "seed-data");

    [Fact]
    public void TheGeneratedSeedDataAtTenTimesPassesEveryValidationRule()
    {
        var summary = SyntheticSeedData.Generate(TestJson.SeedDirectory, SeedPath, Scale);

        var problems = SeedDataValidator.Validate(SeedDataReader.Read(SeedPath));

        Assert.Empty(problems.Select(p => p.ToString()));
        Assert.Equal(Scale * TestJson.SeedRecords("causes").Count, summary.Causes);
        Assert.Equal(Scale * TestJson.ReadSeed("sources.json").GetArrayLength(), summary.Sources);
        Assert.Equal(Scale * TestJson.ReadSeed("red-flag-rules.json").GetArrayLength(), summary.RedFlags);
    }

    [Fact]
    public void TheGeneratorWritesTheSameBytesEveryTime()
    {
        SyntheticSeedData.Generate(TestJson.SeedDirectory, SeedPath, 3);
        var first = SeedContentHash.Compute(SeedPath);

        SyntheticSeedData.Generate(TestJson.SeedDirectory, SeedPath, 3);

        Assert.Equal(first, SeedContentHash.Compute(SeedPath));
    }

    [Fact]
    public async Task TheApiServesTheGeneratedSeedData()
    {
        SyntheticSeedData.Generate(TestJson.SeedDirectory, SeedPath, Scale);
        using var api = new ApiFactory { DatabasePath = Path.Combine(_root, "knowledge.db"), SeedDataPath = SeedPath };
        using var client = api.CreateClient();

        var causes = await client.GetOkAsync("/api/v1/causes");
        var synthetic = await client.GetOkAsync("/api/v1/causes/syn009-dehydration");
        var treatments = await client.GetOkAsync("/api/v1/treatments?cause=dehydration%20syn009");

        Assert.Equal(Scale * TestJson.SeedRecords("causes").Count, causes.GetProperty("total").GetInt32());
        Assert.StartsWith("Synthetic cause", synthetic.Text("name"), StringComparison.Ordinal);
        Assert.NotEmpty(treatments.Items());
        Assert.All(treatments.ItemIds(), id => Assert.StartsWith("syn009-", id, StringComparison.Ordinal));
        ApiFactory.ReleaseFile(Path.Combine(_root, "knowledge.db"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
