using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// The table of section 2 of issue 15 (Descriptions/engine-cases.json): descriptions in the articles' and
/// everyday words (benign, negated, frequency, duration, named conditions and medicines, mixed), each sent
/// to the check over HTTP with the seeDoctor it must give and the red flags that must and must not match.
/// </summary>
public class RedFlagEngineCaseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string CasesFile = "engine-cases.json";

    private static readonly Lazy<IReadOnlyDictionary<string, EngineCase>> Cases = new(() => Load(CasesFile));

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Descriptions() => [.. Cases.Value.Keys];

    [Theory]
    [MemberData(nameof(Descriptions))]
    public async Task TheDescriptionGivesItsExpectedAnswer(string description)
    {
        var expected = Cases.Value[description];

        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        var matched = check.MatchIds();
        var why = $"\"{description}\" ({expected.Why}): got {check.SeeDoctor()} with [{string.Join(", ", matched)}]";
        Assert.True(expected.SeeDoctor == check.SeeDoctor(), why);
        Assert.All(expected.MustMatch, id => Assert.True(matched.Contains(id), $"{id} must match: {why}"));
        Assert.All(expected.MustNotMatch, id => Assert.False(matched.Contains(id), $"{id} must not match: {why}"));
    }

    [Fact]
    public void TheTableIsLargeCoversEveryLevelAndNamesOnlyRealRedFlags()
    {
        var redFlags = RedFlagCheckHttp.SeedRedFlags().Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        var cases = Cases.Value.Values.ToList();

        Assert.True(cases.Count >= 120, $"only {cases.Count} cases");
        // This table is the matching engine's: mostly the levels a rule gives. A few rows name an injury or a medicine no rule
        // assesses, and those answer unknown; unknown-cases.json is the table for that level.
        Assert.Equal(["none", "promptly", "soon", "unknown"], cases.Select(c => c.SeeDoctor).Distinct().Order());
        Assert.All(cases, c => Assert.False(string.IsNullOrWhiteSpace(c.Why), $"\"{c.Description}\" says no why"));
        Assert.All(cases.SelectMany(c => c.MustMatch.Concat(c.MustNotMatch)), id => Assert.Contains(id, redFlags));
        Assert.All(cases, c => Assert.Empty(c.MustMatch.Intersect(c.MustNotMatch)));
        Assert.True(cases.Count(c => c.MustNotMatch.Count > 0) >= 40, "too few cases say what must not match");
    }

    private static Dictionary<string, EngineCase> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "RedFlagCheck", "Descriptions", file);
        var cases = JsonSerializer.Deserialize<List<EngineCase>>(File.ReadAllText(path), JsonSerializerOptions.Web)!;
        // Keyed by description: the theory rows are named by it, so two rows with one description would hide one.
        return cases.ToDictionary(c => c.Description);
    }

    private sealed record EngineCase(string Description, string SeeDoctor, IReadOnlyList<string> MustMatch, IReadOnlyList<string> MustNotMatch, string Why);
}
