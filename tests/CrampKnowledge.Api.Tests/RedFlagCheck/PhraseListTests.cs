using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary><see cref="PhraseList"/> keeps its phrases in one array: each must read back whole, in its place, empty ones too.</summary>
public sealed class PhraseListTests
{
    [Fact]
    public void EveryPhraseReadsBackAsGivenInItsPosition()
    {
        var random = new Random(7);
        var phrases = Enumerable.Range(0, 500)
            .Select(_ => Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(5) == 0 ? PhraseIndex.Gap : random.Next(1000)).ToArray())
            .ToList();

        var list = PhraseList.Of(phrases);

        Assert.Equal(phrases.Count, list.Count);
        for (var p = 0; p < phrases.Count; p++)
        {
            Assert.Equal(phrases[p], list[p].ToArray());
        }
    }

    [Fact]
    public void NoPhrasesMakeAnEmptyList() => Assert.Equal(0, PhraseList.Of([]).Count);
}
