using CrampKnowledge.Api.Data.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// A prefix matches the forms of the word it stems and nothing else that begins with its letters:
/// "cramp" finds cramps and cramping, "als" does not find also, "sign" finds signs but not signals.
/// </summary>
public sealed class SearchIndexPrefixTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly SearchIndex _index = factory.Services.GetRequiredService<SearchIndex>();

    [Fact]
    public void EveryStemOfTheCorpusMatchesExactlyItsFormsWithAWordEnding()
    {
        var stems = _index.Terms.Select(SearchVocabulary.Stem).Where(s => s.Length >= 3).Distinct().ToList();
        var compared = 0;
        foreach (var stem in stems)
        {
            var range = _index.Find(stem, prefix: true);
            var matched = Enumerable.Range(range.From, range.To - range.From).Where(range.Contains).Select(t => _index.Terms[t]).ToList();
            var expected = _index.Terms.Where(t => t.StartsWith(stem, StringComparison.Ordinal) && SearchIndex.IsWordEnding(t.AsSpan(stem.Length))).ToList();

            Assert.Equal(expected, matched);
            compared += matched.Count;
        }

        Assert.True(stems.Count > 800, $"only {stems.Count} stems");
        Assert.True(compared > stems.Count, $"only {compared} forms for {stems.Count} stems");
    }

    [Theory]
    [InlineData("cramp", new[] { "cramp", "cramped", "cramping", "cramps" })]
    [InlineData("dehydr", new[] { "dehydrated", "dehydration" })]
    [InlineData("als", new string[0])]
    [InlineData("sign", new[] { "signs" })]
    public void APrefixFindsTheFormsOfItsWordOnly(string prefix, string[] forms)
    {
        var range = _index.Find(prefix, prefix: true);

        var matched = Enumerable.Range(range.From, range.To - range.From).Where(range.Contains).Select(t => _index.Terms[t]).ToList();

        Assert.Equal(forms, matched);
    }

    [Fact]
    public void TheCorpusHasTheWordsThePrefixesMustNotReach()
    {
        Assert.Contains("also", _index.Terms);
        Assert.Contains("signals", _index.Terms);
    }
}
