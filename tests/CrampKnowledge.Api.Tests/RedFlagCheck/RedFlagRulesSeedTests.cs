using System.Text.Json.Nodes;
using CrampKnowledge.Api.Data.Seeding;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>A broken red-flag-rules.json stops the build with one problem per mistake, naming the file and the red flag.</summary>
public sealed class RedFlagRulesSeedTests : IDisposable
{
    private const string RulesFile = "red-flag-rules.json";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"crampknowledge-rules-{Guid.NewGuid():N}");
    private readonly string _seed;
    private readonly string _database;

    public RedFlagRulesSeedTests()
    {
        _seed = Path.Combine(_folder, "seed-data");
        _database = Path.Combine(_folder, "knowledge.db");
        foreach (var file in Directory.EnumerateFiles(RedFlagCheckHttp.SeedDirectory, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_seed, Path.GetRelativePath(RedFlagCheckHttp.SeedDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheShippedRulesBuild()
    {
        var outcome = KnowledgeDatabase.EnsureBuilt(new KnowledgeDatabaseLocation(_database, _seed));

        Assert.True(outcome.Rebuilt);
        ApiFactory.ReleaseFile(_database);
    }

    [Fact]
    public void EachMistakeInTheRulesIsOneProblemNamingTheFileAndRedFlag()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(_seed, RulesFile)))!.AsArray();
        rules.Remove(rules.Single(r => (string?)r!["redFlag"] == "persistent-cramps"));
        Triggers(rules, "leg-pain-while-walking").Add(new JsonObject { ["answers"] = new JsonObject { ["painWhileWalking"] = true } });
        Triggers(rules, "frequent-or-predictable-cramps").Add(new JsonObject { ["answers"] = new JsonObject { ["frequency"] = new JsonArray("sometimes") } });
        Triggers(rules, "stretching-insufficient-for-underlying-causes").Add(new JsonObject { ["answers"] = new JsonObject { ["conditions"] = new JsonArray("no-such-cause") } });
        Triggers(rules, "massage-during-acute-injury").Add(new JsonObject { ["answers"] = new JsonObject { ["recentInjury"] = false } });
        Triggers(rules, "spasms-disturbing-sleep").Add(new JsonObject { ["phrases"] = new JsonArray() });
        Triggers(rules, "muscle-relaxant-short-term-only").Add(new JsonObject { ["phrases"] = new JsonArray("muscle relaxant"), ["seeDoctor"] = "promptly" });
        Triggers(rules, "lingering-soreness-or-muscle-tear").Add(new JsonObject());
        Triggers(rules, "lingering-soreness-or-muscle-tear").Add(new JsonObject
        {
            ["phrases"] = new JsonArray("torn"), ["seeDoctor"] = "promptly",
            ["basis"] = new JsonObject { ["source"] = "prairie-path", ["quote"] = "Tears always need surgery." },
        });
        rules.Add(new JsonObject { ["redFlag"] = "no-such-red-flag", ["triggers"] = new JsonArray(new JsonObject { ["phrases"] = new JsonArray("cramp") }) });
        File.WriteAllText(Path.Combine(_seed, RulesFile), rules.ToJsonString());

        var error = Assert.Throws<SeedDataException>(() => KnowledgeDatabase.EnsureBuilt(new KnowledgeDatabaseLocation(_database, _seed)));

        var problems = error.Problems.Select(p => (p.File, p.Record, p.Message)).ToList();
        Assert.All(problems, p => Assert.Equal(RulesFile, p.File));
        AssertProblem(problems, "persistent-cramps", "no rules");
        AssertProblem(problems, "leg-pain-while-walking (trigger 3)", "unknown answer 'painWhileWalking'");
        AssertProblem(problems, "frequent-or-predictable-cramps (trigger 5)", "unknown value 'sometimes'");
        AssertProblem(problems, "stretching-insufficient-for-underlying-causes (trigger 5)", "unknown cause 'no-such-cause'");
        AssertProblem(problems, "massage-during-acute-injury (trigger 6)", "must be true");
        AssertProblem(problems, "spasms-disturbing-sleep (trigger 4)", "phrases must not be empty");
        AssertProblem(problems, "muscle-relaxant-short-term-only (trigger 4)", "must give its basis");
        AssertProblem(problems, "lingering-soreness-or-muscle-tear (trigger 4)", "needs phrases or answers");
        AssertProblem(problems, "lingering-soreness-or-muscle-tear (trigger 5)", "basis quote not found");
        AssertProblem(problems, "no-such-red-flag", "no red flag has this id");
        Assert.Equal(10, problems.Count);
        Assert.False(File.Exists(_database));
    }

    [Fact]
    public void AMissingRulesFileStopsTheBuild()
    {
        File.Delete(Path.Combine(_seed, RulesFile));

        var error = Assert.Throws<SeedDataException>(() => KnowledgeDatabase.EnsureBuilt(new KnowledgeDatabaseLocation(_database, _seed)));

        Assert.Contains(error.Problems, p => p.File == RulesFile && p.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUrgencyWithoutASeeDoctorLevelIsAProblem()
    {
        var path = Path.Combine(_seed, "vocabulary.json");
        var vocabulary = JsonNode.Parse(File.ReadAllText(path))!;
        vocabulary["urgencies"]![1]!["seeDoctor"] = "whenever";
        File.WriteAllText(path, vocabulary.ToJsonString());

        var error = Assert.Throws<SeedDataException>(() => KnowledgeDatabase.EnsureBuilt(new KnowledgeDatabaseLocation(_database, _seed)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(("vocabulary.json", "urgencies.see-doctor"), (problem.File, problem.Record));
    }

    private static JsonArray Triggers(JsonArray rules, string redFlag) =>
        rules.Single(r => (string?)r!["redFlag"] == redFlag)!["triggers"]!.AsArray();

    private static void AssertProblem(List<(string File, string Record, string Message)> problems, string record, string message) =>
        Assert.True(
            problems.Any(p => p.Record == record && p.Message.Contains(message, StringComparison.Ordinal)),
            $"no problem for {record} saying '{message}'; got:\n{string.Join("\n", problems.Select(p => $"{p.Record}: {p.Message}"))}");
}
