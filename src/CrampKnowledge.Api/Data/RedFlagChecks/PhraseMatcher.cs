using System.Text.RegularExpressions;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Finds rule phrases in a description: whole words only ("pain" is not in "Spain"), any case, simple
/// plural and verb endings either way ("cramp" ~ "cramps", "hurt" ~ "hurting", "elevate" ~ "elevating"),
/// and <c>...</c> in a phrase stands for up to <see cref="MaxGapWords"/> words ("worse ... at rest").
/// </summary>
internal static partial class PhraseMatcher
{
    public const string Gap = "...";
    public const int MaxGapWords = 3;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+|\.\.\.|…")]
    private static partial Regex PhrasePattern();

    /// <summary>Apostrophes split words ("can't" → can, t) the same way in phrases and descriptions, so either form matches.</summary>
    public static IReadOnlyList<TextWord> Words(string text) =>
        WordPattern().Matches(text).Select(m => new TextWord(m.Value.ToLowerInvariant(), m.Index, m.Index + m.Length)).ToList();

    public static IReadOnlyList<string> PhraseWords(string phrase) =>
        PhrasePattern().Matches(phrase).Select(m => m.Value == "…" ? Gap : m.Value.ToLowerInvariant()).ToList();

    /// <summary>Why a phrase cannot be used, or null when it can.</summary>
    public static string? Problem(string phrase)
    {
        var words = PhraseWords(phrase);
        if (!words.Any(w => w != Gap))
        {
            return $"phrase '{phrase}' has no words";
        }

        if (words[0] == Gap || words[^1] == Gap || words.Zip(words.Skip(1)).Any(p => p.First == Gap && p.Second == Gap))
        {
            return $"phrase '{phrase}' must start and end with a word, with at most one '{Gap}' between two words";
        }

        return null;
    }

    /// <summary>Where the phrase first occurs (character offsets in the text), or null.</summary>
    public static (int Start, int End)? Find(IReadOnlyList<TextWord> text, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start < text.Count; start++)
        {
            if (MatchFrom(text, phrase, 0, start) is { } last)
            {
                return (text[start].Start, text[last].End);
            }
        }

        return null;
    }

    public static bool SameWord(string a, string b) => a == b || Inflects(a, b) || Inflects(b, a);

    /// <summary>Index of the text word that ends the match of <paramref name="phrase"/>[p..] at text word w, or null.</summary>
    private static int? MatchFrom(IReadOnlyList<TextWord> text, IReadOnlyList<string> phrase, int p, int w)
    {
        if (phrase[p] == Gap)
        {
            for (var skip = 0; skip <= MaxGapWords && w + skip < text.Count; skip++)
            {
                if (MatchFrom(text, phrase, p + 1, w + skip) is { } last)
                {
                    return last;
                }
            }

            return null;
        }

        if (w >= text.Count || !SameWord(text[w].Text, phrase[p]))
        {
            return null;
        }

        return p == phrase.Count - 1 ? w : MatchFrom(text, phrase, p + 1, w + 1);
    }

    /// <summary>True when <paramref name="word"/> is <paramref name="stem"/> plus a plural or verb ending.</summary>
    private static bool Inflects(string word, string stem)
    {
        // Short words stay exact, or "i" would match "is". Spans, because this runs for every word of
        // every phrase against every word of a description.
        if (stem.Length < 3 || word.Length <= stem.Length)
        {
            return false;
        }

        if (word.StartsWith(stem, StringComparison.Ordinal))
        {
            var ending = word.AsSpan(stem.Length);
            return ending is "s" or "es" or "ed" or "ing" || (stem[^1] == 'e' && ending is "d");
        }

        var root = stem.AsSpan(0, stem.Length - 1);
        if (!word.AsSpan().StartsWith(root, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = word.AsSpan(root.Length);
        return stem[^1] switch
        {
            'e' => rest is "ing",
            'y' => rest is "ies" or "ied",
            _ => false,
        };
    }
}
