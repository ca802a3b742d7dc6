using System.Text.RegularExpressions;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Finds rule phrases in a description: whole words only ("pain" is not in "Spain"), any case, simple
/// plural and verb endings either way ("cramp" ~ "cramps", "hurt" ~ "hurting", "elevate" ~ "elevating"),
/// and <c>...</c> in a phrase stands for up to <see cref="MaxGapWords"/> words ("worse ... at rest").
/// Descriptions are read by <see cref="FoundPhrases"/> against phrases compiled into a <see cref="PhraseIndex"/>;
/// this class splits phrases into words and says which words are the same.
/// </summary>
internal static partial class PhraseMatcher
{
    public const string Gap = "...";
    public const int MaxGapWords = 3;

    [GeneratedRegex(@"[\p{L}\p{N}]+|\.\.\.|…")]
    private static partial Regex PhrasePattern();

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

    /// <summary>True when description word <paramref name="a"/> matches phrase word <paramref name="b"/> (or the reverse).</summary>
    public static bool SameWord(string a, string b) => a == b || Inflects(a, b) || Inflects(b, a);

    /// <summary>True when <paramref name="word"/> is <paramref name="stem"/> plus a plural or verb ending.</summary>
    private static bool Inflects(string word, string stem)
    {
        // Short words stay exact, or "i" would match "is".
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
