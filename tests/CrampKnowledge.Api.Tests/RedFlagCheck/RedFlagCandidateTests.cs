using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Bench.Growth;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// A check tests only the red flags that might match (<see cref="CandidateIndex"/>): every red flag it skips must be one
/// that does not match, and it must skip most of them when the rule book is large, or a check's cost grows with it.
/// </summary>
public sealed class RedFlagCandidateTests(ApiFactory factory) : IClassFixture<ApiFactory>, IDisposable
{
    private const int Seed = 20261205;

    private readonly string _root = Directory.CreateTempSubdirectory("crampknowledge-candidates-").FullName;

    [Fact]
    public void EveryRedFlagACheckSkipsWouldNotHaveMatched()
    {
        var rules = factory.Services.GetRequiredService<RedFlagRuleBook>();

        var skipped = AssertSkippedNeverMatch(rules, DifferentialDescriptions.For(rules, soups: 1500, Seed));

        Assert.True(skipped > 0.5, $"checks skipped only {skipped:P0} of the red flags");
    }

    [Fact]
    public void ADescriptionThatSaysNoRuleWordAndGivesNoAnswerTestsNoRedFlag()
    {
        var rules = factory.Services.GetRequiredService<RedFlagRuleBook>();
        using var found = rules.Phrases.Read("hello there");

        Assert.Empty(rules.Candidates.Of(new CheckInput("hello there", [], [], []), found));
    }

    [Fact]
    public void AtTenTimesTheContentACheckTestsAFewRedFlagsAndSkipsOnlyNonMatches()
    {
        var seed = Path.Combine(_root, "seed-data");
        SyntheticSeedData.Generate(TestJson.SeedDirectory, seed, 10);
        using var api = new ApiFactory { DatabasePath = Path.Combine(_root, "knowledge.db"), SeedDataPath = seed };
        var rules = api.Services.GetRequiredService<RedFlagRuleBook>();

        var skipped = AssertSkippedNeverMatch(rules, DifferentialDescriptions.For(rules, soups: 300, Seed));

        // The descriptions name phrases of random red flags; each synthetic copy adds its own word to its phrases.
        Assert.True(skipped > 0.8, $"checks skipped only {skipped:P0} of {rules.Entries.Count} red flags");
        ApiFactory.ReleaseFile(Path.Combine(_root, "knowledge.db"));
    }

    /// <summary>Checks each description with and without answers; returns the share of red flags skipped.</summary>
    private static double AssertSkippedNeverMatch(RedFlagRuleBook rules, IReadOnlyList<string> descriptions)
    {
        var random = new Random(Seed);
        var conditions = rules.Entries.SelectMany(e => e.Triggers).SelectMany(t => t.Rule.Answers)
            .SelectMany(c => c.Values.Select(v => (c.Answer, Value: v))).Distinct().ToList();
        long tested = 0, all = 0;
        foreach (var description in descriptions)
        {
            var answers = Enumerable.Range(0, random.Next(3))
                .Select(_ => conditions[random.Next(conditions.Count)])
                .Select(a => new GivenAnswer(a.Answer, a.Value, null, null))
                .ToList();
            var input = new CheckInput(description, answers, [], []);
            using var found = rules.Phrases.Read(description);
            var candidates = rules.Candidates.Of(input, found).ToHashSet();
            for (var position = 0; position < rules.Entries.Count; position++)
            {
                if (!candidates.Contains(position) && rules.Entries[position].Check(input, found) is { } match)
                {
                    Assert.Fail($"\"{description}\" matches {match.Id}, which the check skipped");
                }
            }

            tested += candidates.Count;
            all += rules.Entries.Count;
        }

        return 1 - (double)tested / all;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
