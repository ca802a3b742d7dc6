using System.Text.RegularExpressions;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.RedFlagChecks;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// Phrases are split by scanning spans (<see cref="PhraseMatcher.NextWord"/>, <see cref="PhraseIndexBuilder"/>) instead of
/// a regex and a string per word: the words, gaps and numbers must be exactly those of the regex (<see cref="ReferencePhraseSplitting"/>).
/// </summary>
public sealed partial class PhraseSplittingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] Awkward =
    [
        "", " ", "\t\n", "-", "'", "’", ".", "..", "...", "....", ".....", "......", "…", "……", ". . .", "a..b", "a...b", "a....b",
        "a …b", "worse ... at rest", "worse…at rest", "worse ...at... rest", "... worse", "worse ...", "# times a week",
        "don't", "doesn’t", "it's", "o'clock", "rock 'n' roll", "well-known", "long-term", "non-steroidal anti-inflammatory",
        "Ça va", "naïve café", "ÅNGSTRÖM", "İstanbul", "DİYARBAKIR", "straße", "STRASSE", "ǅemal", "Ǆ", "ﬁne", "x²", "½ dose",
        "Ⅻ hours", "٣ days", "३ दिन", "日本語のテキスト", "한국어", "Ελληνικά ΣΟΦΟΣ", "Русский ТЕКСТ", "3am", "10PM", "2nd",
        "B12", "vitamin b-12", "Mg2+", "a_b", "a#b", "a/b", "a+b", "a—b", "a–b", "hello\u00A0world", "zero\u200Bwidth",
        "soft\u00ADhyphen", "e\u0301te\u0301", "emoji 🙂 end", "𝐀bc 𝟙𝟚", "\uD800 lone surrogate", "tab\tsep\r\nlines",
        "  leading and trailing  ", "UPPER lower MiXeD",
    ];

    public static TheoryData<string> AwkwardPhrases() => [.. Awkward];

    [Theory]
    [MemberData(nameof(AwkwardPhrases))]
    public void AnAwkwardPhraseSplitsAsTheRegexSplitsIt(string phrase)
    {
        Assert.Equal(ReferencePhraseSplitting.Words(phrase), PhraseMatcher.PhraseWords(phrase));
        Assert.Equal(RegexSpans(phrase), ScannedSpans(phrase));
        Assert.Equal(RuleBookPhrases.ReferenceNumbers([ReferencePhraseSplitting.Words(phrase)])[0], new PhraseIndexBuilder().Add(phrase));
    }

    [Fact]
    public void EveryCharacterSplitsAsTheRegexSplitsIt()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var character = ((char)c).ToString();
            foreach (var phrase in new[] { character, $"a{character}b", $"..{character}.", $"{character}{character} x" })
            {
                if (!RegexSpans(phrase).SequenceEqual(ScannedSpans(phrase)) || !ReferencePhraseSplitting.Words(phrase).SequenceEqual(PhraseMatcher.PhraseWords(phrase)))
                {
                    Assert.Fail($"U+{c:X4} in \"{phrase}\": [{string.Join('|', ReferencePhraseSplitting.Words(phrase))}] expected, [{string.Join('|', PhraseMatcher.PhraseWords(phrase))}] scanned");
                }
            }
        }
    }

    /// <summary>
    /// The check vocabulary cuts a rule phrase's compiled words at its gaps, where it used to join the lower-cased words and
    /// split the parts again: the same only if a lower-cased word, split again, is itself.
    /// </summary>
    [Fact]
    public void ALowerCasedWordSplitAgainIsItself()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var phrase = $"Ab{(char)c}Cd";
            var words = ReferencePhraseSplitting.Words(phrase);

            var again = ReferencePhraseSplitting.Words(string.Join(' ', words));

            Assert.True(words.SequenceEqual(again), $"U+{c:X4}: [{string.Join('|', words)}] split again is [{string.Join('|', again)}]");
        }
    }

    [Fact]
    public void EveryPhraseOfTheSnapshotIsNumberedAsItsRegexWords()
    {
        var snapshot = factory.Services.GetRequiredService<KnowledgeSnapshot>();
        List<string> texts =
        [
            .. snapshot.RedFlagTriggers.SelectMany(t => t.Phrases.Concat(t.AlsoPhrases)),
            .. snapshot.Records.SelectMany(r => r.Aliases.Prepend(r.Name).Append(r.Id.Replace('-', ' '))),
            .. snapshot.Synonyms.Select(s => s.Phrase),
            .. snapshot.CheckVocabulary.Select(w => w.Text),
            .. Awkward,
        ];
        var builder = new PhraseIndexBuilder();

        var compiled = texts.Select(builder.Add).ToList();
        var index = builder.Build();

        var expected = RuleBookPhrases.ReferenceNumbers(texts.Select(ReferencePhraseSplitting.Words));
        Assert.True(texts.Count > 1000, $"only {texts.Count} phrases");
        Assert.Equal(expected.Count, compiled.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].SequenceEqual(compiled[i]), $"\"{texts[i]}\": [{string.Join(',', expected[i])}] expected, [{string.Join(',', compiled[i])}] compiled");
        }

        Assert.Equal(expected.SelectMany(p => p).Where(n => n != PhraseIndex.Gap).Distinct().Count(), index.PhraseWordCount);
    }

    [Fact]
    public void TheSameTextIsCompiledOnceAndWordsAlreadySplitAreNotSplitAgain()
    {
        var builder = new PhraseIndexBuilder();

        var first = builder.Add("Legs hurt ... at night");
        var again = builder.Add("Legs hurt ... at night");
        var split = builder.Add(["legs", "hurt", PhraseMatcher.Gap, "at", "#", "night's"]);

        Assert.Same(first, again);
        Assert.Equal([0, 1, PhraseIndex.Gap, 2, 3], first);
        Assert.Equal([0, 1, PhraseIndex.Gap, 2, 4, 5], split);
        Assert.Empty(builder.Add(" - ' "));
    }

    private static List<(int Start, int End, bool IsGap)> RegexSpans(string phrase) =>
        [.. WordOrGap().Matches(phrase).Select(m => (m.Index, m.Index + m.Length, m.Value is "..." or "…"))];

    private static List<(int Start, int End, bool IsGap)> ScannedSpans(string phrase)
    {
        var spans = new List<(int Start, int End, bool IsGap)>();
        for (var at = 0; PhraseMatcher.NextWord(phrase, ref at, out var start, out var isGap);)
        {
            spans.Add((start, at, isGap));
        }

        return spans;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+|\.\.\.|…")]
    private static partial Regex WordOrGap();
}
