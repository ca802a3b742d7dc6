using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// What the snippets are built from, against the way it was found before: a hit's phrase instances read
/// from the row's tokens in one pass (with the per-term phrase bits, and without them past 64 phrases)
/// against each term's occurrences in the row, checked and sorted.
/// </summary>
public sealed class PhraseInstanceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly SearchIndex _index = factory.Services.GetRequiredService<SearchIndex>();
    private readonly KnowledgeSnapshot _snapshot = factory.Services.GetRequiredService<KnowledgeSnapshot>();

    [Fact]
    public void EveryTermAsAWordAndAsAPrefixHasTheSameInstancesInEveryRow()
    {
        var phrases = _index.Terms
            .SelectMany(t => new[] { new SearchPhrase(t, false), new SearchPhrase(t[..Math.Min(t.Length, 3)], true), new SearchPhrase(SearchVocabulary.Stem(t), true) })
            .Append(new SearchPhrase("", false))
            .Append(new SearchPhrase("zzzzqx", true))
            .ToList();

        var compared = CompareInChunks(phrases);

        Assert.True(compared > 70_000, $"only {compared} instances compared");
    }

    [Fact]
    public void PhrasesOfTheCorpusHaveTheSameInstancesInEveryRow()
    {
        var texts = _snapshot.Records.SelectMany(r => r.Aliases.Append(r.Name).Append(r.Summary).Concat(r.Citations.Select(c => c.Quote)));
        var phrases = texts.Select(SearchVocabulary.Words)
            .SelectMany(words => Enumerable.Range(0, words.Count - 1).Select(i => string.Join(' ', words.Skip(i).Take(2 + (i % 3)))))
            .Distinct()
            .Select((text, i) => i % 2 == 0 ? new SearchPhrase(text, IsPrefix: false) : new SearchPhrase(StemLastWord(text), IsPrefix: true))
            .ToList();

        var compared = CompareInChunks(phrases);

        Assert.True(phrases.Count > 2_000, $"only {phrases.Count} phrases");
        Assert.True(compared > 20_000, $"only {compared} instances compared");
    }

    /// <summary>
    /// Plans of up to 64 phrases (phrase bits) and of 100 (each phrase tried at each token), each in every row;
    /// returns how many instances matched.
    /// </summary>
    private int CompareInChunks(List<SearchPhrase> phrases)
    {
        var compared = 0;
        foreach (var size in new[] { 64, 100 })
        {
            foreach (var chunk in phrases.Chunk(size))
            {
                compared += Compare(chunk);
            }
        }

        return compared;
    }

    /// <summary>The phrase as the planner makes a prefix of it: its last word without its ending.</summary>
    private static string StemLastWord(string text)
    {
        var space = text.LastIndexOf(' ');
        return text[..(space + 1)] + SearchVocabulary.Stem(text[(space + 1)..]);
    }

    private int Compare(SearchPhrase[] phrases)
    {
        var ranges = new TermRange[phrases.Sum(p => p.Text.Length)];
        var firstRange = new int[phrases.Length + 1];
        for (var i = 0; i < phrases.Length; i++)
        {
            firstRange[i + 1] = firstRange[i] + PhraseMatcher.Resolve(_index, phrases[i], ranges.AsSpan(firstRange[i]));
        }

        var allRanges = ranges.AsSpan(0, firstRange[^1]);
        var bits = phrases.Length <= 64 ? new ulong[_index.Terms.Count] : [];
        if (bits.Length > 0)
        {
            PhraseMatcher.MarkFirstTokens(allRanges, firstRange, bits, set: true);
        }

        var compared = 0;
        var actual = new List<long>();
        foreach (var row in _index.Rows)
        {
            var expected = FromPostings(row, allRanges, firstRange);
            actual.Clear();

            PhraseMatcher.AddInstances(row, allRanges, firstRange, bits, actual);

            Assert.Equal(expected, actual);
            compared += expected.Count;
        }

        if (bits.Length > 0)
        {
            PhraseMatcher.MarkFirstTokens(allRanges, firstRange, bits, set: false);
        }

        Assert.All(bits, b => Assert.Equal(0UL, b));
        return compared;
    }

    /// <summary>The instances as they were found before: each first-token term's occurrences in the row, the rest of the phrase checked, then sorted.</summary>
    private List<long> FromPostings(IndexedRow row, ReadOnlySpan<TermRange> ranges, int[] firstRange)
    {
        var instances = new List<long>();
        for (var phrase = 0; phrase < firstRange.Length - 1; phrase++)
        {
            var tokens = ranges[firstRange[phrase]..firstRange[phrase + 1]];
            if (!PhraseMatcher.CanMatch(tokens))
            {
                continue;
            }

            for (var term = tokens[0].From; term < tokens[0].To; term++)
            {
                if (!tokens[0].Contains(term))
                {
                    continue;
                }

                foreach (var occurrence in _index.Postings[term].Occurrences)
                {
                    var (occurrenceRow, column, position) = _index.Locate(occurrence);
                    if (occurrenceRow != row.Number)
                    {
                        continue;
                    }

                    var termIds = row.Columns[column].TermIds;
                    var followed = true;
                    for (var i = 1; i < tokens.Length && followed; i++)
                    {
                        followed = position + i < termIds.Length && tokens[i].Contains(termIds[position + i]);
                    }

                    if (followed)
                    {
                        instances.Add(PhraseInstance.Pack(column, position, phrase));
                    }
                }
            }
        }

        instances.Sort();
        return instances;
    }
}
