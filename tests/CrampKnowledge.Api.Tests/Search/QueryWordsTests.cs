using CrampKnowledge.Api.Data.Search;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>The one-pass word reader against the regular expression it replaced, for every character.</summary>
public sealed class QueryWordsTests
{
    [Fact]
    public void EveryCharacterSplitsWordsAsTheRegularExpressionDid()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = $"a{(char)c}b {(char)c} X{(char)c}{(char)c} {(char)c}É";

            var expected = ReferenceSearchPlanner.Words(text);
            var actual = SearchVocabulary.Words(text);

            Assert.True(expected.SequenceEqual(actual), $"U+{c:X4}: expected [{string.Join(' ', expected)}], got [{string.Join(' ', actual)}]");
            Assert.True(SearchVocabulary.HasWord($" {(char)c} ") == SearchVocabulary.Words($" {(char)c} ").Count > 0, $"U+{c:X4}: HasWord disagrees with Words");
        }
    }

    [Theory]
    [InlineData("why do my legs cramp at night")]
    [InlineData("Crämp NÏGHT 🦵 cramp💥 e\u0301\u0301 судорога 腿抽筋 \u212A\u0130")]
    [InlineData("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35")]
    public void QuestionsSplitAsTheRegularExpressionDid(string question)
    {
        Assert.Equal(ReferenceSearchPlanner.Words(question), SearchVocabulary.Words(question));
    }
}
