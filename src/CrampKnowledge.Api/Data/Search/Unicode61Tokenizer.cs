namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Splits text into tokens as SQLite's <c>unicode61 remove_diacritics 2</c> tokenizer did for the FTS5
/// index this one replaced: a token is a run of token characters (and the diacritics inside it),
/// folded to lower case without diacritics. Offsets are UTF-16 positions in the text.
/// </summary>
internal static class Unicode61Tokenizer
{
    /// <summary>
    /// Reads the token at or after <paramref name="position"/> and moves past it; false when the text
    /// has no more. The folded token goes to <paramref name="folded"/>, which must hold the rest of the text.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, ref int position, Span<char> folded, out int start, out int end, out int foldedLength)
    {
        var i = position;
        while (i < text.Length && !Unicode61Characters.IsTokenStart(text[i]))
        {
            i++;
        }

        start = i;
        foldedLength = 0;
        for (; i < text.Length && !Unicode61Characters.IsSeparator(text[i]); i++)
        {
            var fold = Unicode61Characters.Fold(text[i]);
            if (fold != '\0')
            {
                folded[foldedLength++] = fold;
            }
        }

        end = i;
        position = i;
        return end > start;
    }

    /// <summary>
    /// <see cref="Next"/> without the folding: where the token at or after <paramref name="position"/> stands, for a
    /// snippet that needs a few tokens' offsets again (<see cref="IndexedColumn.TokenBounds"/>).
    /// </summary>
    public static bool NextBounds(ReadOnlySpan<char> text, ref int position, out int start, out int end)
    {
        var i = position;
        while (i < text.Length && !Unicode61Characters.IsTokenStart(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && !Unicode61Characters.IsSeparator(text[i]))
        {
            i++;
        }

        end = i;
        position = i;
        return end > start;
    }

    /// <summary>Every token of the text, folded: for building the index, not for the request path.</summary>
    public static List<(int Start, int End, string Folded)> Tokenize(string text)
    {
        var tokens = new List<(int, int, string)>();
        var buffer = new char[text.Length];
        var position = 0;
        while (Next(text, ref position, buffer, out var start, out var end, out var length))
        {
            tokens.Add((start, end, new string(buffer, 0, length)));
        }

        return tokens;
    }
}
