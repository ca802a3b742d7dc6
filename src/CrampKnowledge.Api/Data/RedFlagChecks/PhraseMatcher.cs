namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Finds rule phrases in a description: whole words only ("pain" is not in "Spain"), any case, simple
/// plural and verb endings either way ("cramp" ~ "cramps", "hurt" ~ "hurting", "elevate" ~ "elevating"),
/// and <c>...</c> in a phrase stands for up to <see cref="MaxGapWords"/> words ("worse ... at rest").
/// Descriptions are read by <see cref="FoundPhrases"/> against phrases compiled into a <see cref="PhraseIndex"/>;
/// this class splits phrases into words and says which words are the same.
/// </summary>
internal static class PhraseMatcher
{
    public const string Gap = "...";
    public const int MaxGapWords = 3;

    /// <summary>A phrase's words, lower-cased, with <see cref="Gap"/> for each gap ("..." or "…"): what <see cref="NextWord"/> finds.</summary>
    public static IReadOnlyList<string> PhraseWords(string phrase)
    {
        var words = new List<string>();
        for (var at = 0; NextWord(phrase, ref at, out var start, out var isGap);)
        {
            words.Add(isGap ? Gap : phrase[start..at].ToLowerInvariant());
        }

        return words;
    }

    /// <summary>
    /// Finds the next word of a phrase from <paramref name="position"/>: a run of letters and digits, or a gap ("..." or "…"),
    /// found leftmost as the pattern <c>[\p{L}\p{N}]+|\.\.\.|…</c> finds them; the word is <paramref name="phrase"/> from
    /// <paramref name="start"/> to the new <paramref name="position"/>, as written (not lower-cased). False when none is left.
    /// Spans rather than a regex and a string per word: at 100 times today's content the check vocabulary alone compiles 144,504 known phrases.
    /// </summary>
    public static bool NextWord(ReadOnlySpan<char> phrase, ref int position, out int start, out bool isGap)
    {
        for (var at = position; at < phrase.Length; at++)
        {
            var c = phrase[at];
            if (IsWordCharacter(c))
            {
                var end = at + 1;
                while (end < phrase.Length && IsWordCharacter(phrase[end]))
                {
                    end++;
                }

                (start, position, isGap) = (at, end, false);
                return true;
            }

            if (c == '…' || (c == '.' && phrase[at..].StartsWith(Gap, StringComparison.Ordinal)))
            {
                (start, position, isGap) = (at, at + (c == '…' ? 1 : Gap.Length), true);
                return true;
            }
        }

        (start, position, isGap) = (phrase.Length, phrase.Length, false);
        return false;
    }

    // \p{L} and \p{N}: char.IsLetter and char.IsNumber test the same Unicode categories.
    private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsNumber(c);

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
