using System.Text;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// Descriptions for comparing the red-flag matcher with <see cref="ReferencePhraseMatcher"/>: every phrase
/// of the rule book as written, with each word inflected every way (and some ways that must not match),
/// gaps of 0 to 4 words, other separators, cases and Unicode, plus random soups of the rules' words.
/// Seeded, so a failure repeats.
/// </summary>
internal static class DifferentialDescriptions
{
    // Negation cues, pseudo-negations, terminators and clause openers among them, so that scopes are compared too.
    private static readonly string[] Fillers =
    [
        "really", "very", "i", "the", "my", "and", "not", "is", "a", "so", "it", "no", "don't", "don’t", "dont", "never", "but",
        "without", "no idea", "not only", "no longer", "can't", "it's", "they", "because", "isn't", "don", "t", "? no.", ": none,", "?",
    ];

    private static readonly string[] Separators = [" ", "  ", ", ", " - ", "-", "'", "’", "… ", "...", "\n", "!", " (", ") ", "/", "_", "\t"];

    // Letters that change under lower-casing, digits and numbers of other scripts, marks, spaces, symbols and lone surrogates.
    private static readonly string[] Unicode =
    [
        "é", "É", "ß", "İ", "ı", "\u212A", "ﬁ", "Ｃ", "😀", "e\u0301", "\u0301", "٣", "Ⅻ", "½", "\u00A0", "\u200B", "\u2019",
        "\uD800", "\uDC00", "Σ", "ς", "ǅ", "ⓐ", "𝐀", "中文", "\u0130",
    ];

    // Each turns a word into another the matcher may or may not take for it.
    private static readonly Func<string, string?>[] Variations =
    [
        w => w + "s", w => w + "es", w => w + "ed", w => w + "ing", w => w + "d", w => w + "ly", w => w + "er", w => "un" + w,
        w => w.EndsWith('e') ? w[..^1] + "ing" : null,
        w => w.EndsWith('y') ? w[..^1] + "ies" : null,
        w => w.EndsWith('y') ? w[..^1] + "ied" : null,
        w => w.Length > 1 ? w[..^1] : null,
        w => w.Length > 2 ? w[..^2] : null,
        w => w.Length > 3 ? w[..^3] : null,
        w => w.EndsWith("ing", StringComparison.Ordinal) ? w[..^3] + "e" : null,
        w => w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal) ? w[..^3] + "y" : null,
        w => w.ToUpperInvariant(),
        w => w + "'s",
    ];

    public static List<string> For(RedFlagRuleBook rules, int soups, int seed)
    {
        var random = new Random(seed);
        var phrases = RuleBookPhrases.Triggers(rules).Select(p => p.Phrase)
            .DistinctBy(p => p.Text).ToList();
        var vocabulary = phrases.SelectMany(p => p.Words).Where(w => w != PhraseMatcher.Gap).Distinct().ToList();
        var descriptions = new List<string>();

        foreach (var phrase in phrases)
        {
            var words = phrase.Words;
            descriptions.Add(phrase.Text);
            for (var gap = 0; gap <= PhraseMatcher.MaxGapWords + 1; gap++)
            {
                descriptions.Add(Render(words, gap, " ", random, w => w));
                descriptions.Add("Since Monday, " + Render(words, gap, Pick(random, Separators), random, Casing(random)) + " at night.");
            }

            for (var i = 0; i < words.Count; i++)
            {
                foreach (var variation in Variations)
                {
                    if (words[i] != PhraseMatcher.Gap && variation(words[i]) is { } changed)
                    {
                        var changedWords = words.Select((w, j) => j == i ? changed : w).ToList();
                        descriptions.Add(Render(changedWords, random.Next(PhraseMatcher.MaxGapWords + 2), " ", random, w => w));
                    }
                }
            }

            descriptions.Add(Render(words, 1, " ", random, w => w) + Pick(random, Unicode) + " " + Render(words, 0, Pick(random, Separators), random, w => w));
            descriptions.Add(Pick(random, Unicode) + Render(words, 2, Pick(random, Unicode), random, Casing(random)) + Pick(random, Unicode));
        }

        for (var i = 0; i < soups; i++)
        {
            var soup = new StringBuilder();
            var length = random.Next(1, i % 10 == 0 ? 400 : 40);
            for (var n = 0; n < length; n++)
            {
                var word = random.Next(5) switch
                {
                    0 => Pick(random, Fillers),
                    1 => Pick(random, Variations)(Pick(random, vocabulary)) ?? Pick(random, vocabulary),
                    2 when random.Next(4) == 0 => Pick(random, Unicode),
                    _ => Pick(random, vocabulary),
                };
                soup.Append(Casing(random)(word)).Append(random.Next(6) == 0 ? Pick(random, Separators) : " ");
            }

            descriptions.Add(soup.ToString());
        }

        descriptions.AddRange(["", " ", "...", "…", "'", "a", "I", "i'm", "can't walk", new string('x', 2000), string.Concat(Enumerable.Repeat("cramp ", 333))]);
        return descriptions;
    }

    private static string Render(IReadOnlyList<string> words, int gapWords, string separator, Random random, Func<string, string> casing) =>
        string.Join(separator, words.SelectMany(w => w == PhraseMatcher.Gap
            ? Enumerable.Range(0, gapWords).Select(_ => Pick(random, Fillers))
            : [w]).Select(casing));

    private static Func<string, string> Casing(Random random) => random.Next(4) switch
    {
        0 => w => w.ToUpperInvariant(),
        1 => w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w,
        2 => w => string.Concat(w.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c)),
        _ => w => w,
    };

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
