using CrampKnowledge.Api.Data.RedFlagChecks;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// <see cref="AdjacentWordIndex"/> is built with counting sorts over arrays: every key must hold the phrases the dictionary
/// and comparison sort of <see cref="ReferenceAdjacentWordIndex"/> filed there, in the same order, with the same offsets.
/// </summary>
public sealed class AdjacentWordIndexTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 12)]
    [InlineData(4, 40)]
    [InlineData(5, 200)]
    public void RandomPhrasesAreFiledAsTheReferenceFilesThem(int seed, int wordCount)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            // Short phrases from few words, so keys repeat within and across phrases; gaps anywhere, empty phrases too.
            var phrases = Enumerable.Range(0, random.Next(300))
                .Select(_ => Enumerable.Range(0, random.Next(9)).Select(_ => random.Next(7) == 0 ? PhraseIndex.Gap : random.Next(wordCount)).ToArray())
                .ToList();

            AssertFiledAsTheReference(phrases, wordCount);
        }
    }

    [Fact]
    public void TheRuleBooksPhrasesAndMentionsAreFiledAsTheReferenceFilesThem()
    {
        var rules = factory.Services.GetRequiredService<RedFlagRuleBook>();

        AssertFiledAsTheReference([.. RuleBookPhrases.Triggers(rules).Select(t => t.Compiled)], rules.Phrases.PhraseWordCount);
        AssertFiledAsTheReference([.. rules.Described.Mentions.Select(m => m.Words)], rules.Phrases.PhraseWordCount);
    }

    private static void AssertFiledAsTheReference(List<int[]> phrases, int wordCount)
    {
        var index = new AdjacentWordIndex(phrases, wordCount);
        var reference = new ReferenceAdjacentWordIndex(phrases, wordCount);

        Assert.Equal(reference.Unfiled, index.Unfiled);
        var filed = 0;
        for (var first = 0; first < wordCount; first++)
        {
            for (var second = AdjacentWordIndex.Alone; second < wordCount; second++)
            {
                var expected = reference.Under(first, second).ToArray().Select(f => (f.Second, f.Phrase, f.Offset)).ToList();
                var actual = index.Under(first, second).ToArray().Select(f => (f.Second, f.Phrase, f.Offset)).ToList();
                Assert.Equal(expected, actual);
                filed += actual.Count;
            }
        }

        Assert.Equal(phrases.Count, filed + index.Unfiled.Length);
    }
}
