using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.RedFlagChecks;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// The compiled matcher against <see cref="ReferencePhraseMatcher"/>, the algorithm it replaced: same
/// words, same phrases found at the same offsets, and the same whole answer, over thousands of
/// descriptions built from the real rule book.
/// </summary>
public class RedFlagMatcherDifferentialTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Seed = 20240607;

    private readonly RedFlagRuleBook _rules = factory.Services.GetRequiredService<RedFlagRuleBook>();

    [Fact]
    public void EveryCharacterSplitsWordsAsTheRegularExpressionDid()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var description = $"a{(char)c}b {(char)c} x{(char)c}{(char)c}";

            var expected = ReferencePhraseMatcher.Words(description).Select(w => (w.Start, w.End));
            var actual = _rules.Phrases.Read(description).Words.Select(w => (w.Start, w.End));

            Assert.True(expected.SequenceEqual(actual), $"U+{c:X4}: expected {string.Join(' ', expected)}, got {string.Join(' ', actual)}");
        }
    }

    [Fact]
    public void EveryPhraseIsFoundWhereTheReferenceFindsIt()
    {
        var phrases = RuleBookPhrases.Triggers(_rules);
        var descriptions = DifferentialDescriptions.For(_rules, soups: 3000, Seed);
        var foundPhrases = new HashSet<string>();
        var matches = 0;
        var negated = 0;

        foreach (var description in descriptions)
        {
            var words = ReferencePhraseMatcher.Words(description);
            var negatedBy = ReferenceNegation.NegatedBy(description, words);
            var found = _rules.Phrases.Read(description);
            foreach (var (phrase, compiled) in phrases)
            {
                var expected = ReferencePhraseMatcher.Find(words, phrase.Words, negatedBy);
                var actual = found.Find(compiled);

                if (expected != actual)
                {
                    Assert.Fail($"'{phrase.Text}' in \"{description}\": expected {expected?.ToString() ?? "none"}, got {actual?.ToString() ?? "none"}");
                }

                if (actual is not null)
                {
                    matches++;
                    foundPhrases.Add(phrase.Text);
                }
                else if (ReferencePhraseMatcher.Find(words, phrase.Words) is not null)
                {
                    negated++;
                }
            }
        }

        Assert.True(descriptions.Count > 10_000, $"only {descriptions.Count} descriptions");
        Assert.True(matches > 20_000, $"only {matches} matches: the descriptions hardly test the matcher");
        Assert.True(negated > 2_000, $"only {negated} occurrences negated: the descriptions hardly test negation");
        Assert.Equal(phrases.Select(p => p.Phrase.Text).Distinct().Order(), foundPhrases.Order());
    }

    [Fact]
    public void EveryCheckAnswersAsTheReferenceDoes()
    {
        var random = new Random(Seed);
        var conditions = _rules.Entries.SelectMany(e => e.Triggers).SelectMany(t => t.Rule.Answers)
            .SelectMany(c => c.Values.Select(v => (c.Answer, Value: v))).Distinct().ToList();
        var checks = 0;

        foreach (var description in DifferentialDescriptions.For(_rules, soups: 3000, Seed + 1))
        {
            var answers = Enumerable.Range(0, random.Next(4))
                .Select(_ => conditions[random.Next(conditions.Count)])
                .Select(a => random.Next(3) switch
                {
                    0 => new GivenAnswer(a.Answer, a.Value, null, null),
                    1 => new GivenAnswer(a.Answer, a.Value, "word", "Record"),
                    _ => new GivenAnswer(a.Answer, a.Value, "words read", null),
                })
                .ToList();
            var input = new CheckInput(description, answers, [], []);

            var expected = JsonSerializer.Serialize(ReferenceRuleBookCheck.Check(_rules, input), JsonSerializerOptions.Web);
            var actual = JsonSerializer.Serialize(_rules.Check(input), JsonSerializerOptions.Web);

            Assert.True(expected == actual, $"\"{description}\" with {JsonSerializer.Serialize(answers)}:\nexpected {expected}\nactual   {actual}");
            checks += expected == "[]" ? 0 : 1;
        }

        Assert.True(checks > 5_000, $"only {checks} checks matched anything");
    }
}
