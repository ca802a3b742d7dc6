namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Where one phrase occurs in the index, as FTS5 matched a quoted string: its tokens consecutive in
/// one column, the last token a prefix when the phrase is one.
/// </summary>
internal static class PhraseMatcher
{
    private const int MaxStackTokens = 64;

    /// <summary>Every occurrence (<see cref="SearchIndex.Occurrence"/>) of the phrase's first token where the rest follows, sorted.</summary>
    /// <param name="size">Tokens in the phrase; FTS5's xPhraseSize.</param>
    public static List<long> Find(SearchIndex index, SearchPhrase phrase, out int size)
    {
        var text = phrase.Text.AsSpan();
        Span<char> folded = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        Span<(int From, int To)> ranges = text.Length <= MaxStackTokens ? stackalloc (int, int)[text.Length] : new (int, int)[text.Length];
        size = 0;
        var position = 0;
        while (Unicode61Tokenizer.Next(text, ref position, folded, out _, out _, out var length))
        {
            var isLast = !HasMoreTokens(text, position);
            ranges[size++] = index.Find(folded[..length], prefix: phrase.IsPrefix && isLast);
        }

        var found = new List<long>();
        if (size == 0)
        {
            return found;
        }

        ranges = ranges[..size];
        foreach (var (from, to) in ranges)
        {
            if (from == to)
            {
                return found;
            }
        }

        for (var term = ranges[0].From; term < ranges[0].To; term++)
        {
            foreach (var occurrence in index.Postings[term])
            {
                if (size == 1 || FollowedBy(index, occurrence, ranges[1..]))
                {
                    found.Add(occurrence);
                }
            }
        }

        if (ranges[0].To - ranges[0].From > 1)
        {
            found.Sort();
        }

        return found;
    }

    private static bool FollowedBy(SearchIndex index, long occurrence, ReadOnlySpan<(int From, int To)> rest)
    {
        var column = index.Rows[SearchIndex.RowOf(occurrence)].Columns[SearchIndex.ColumnOf(occurrence)];
        var position = SearchIndex.PositionOf(occurrence);
        if (position + rest.Length >= column.Size)
        {
            return false;
        }

        for (var i = 0; i < rest.Length; i++)
        {
            var term = column.TermIds[position + 1 + i];
            if (term < rest[i].From || term >= rest[i].To)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasMoreTokens(ReadOnlySpan<char> text, int position)
    {
        for (var i = position; i < text.Length; i++)
        {
            if (Unicode61Characters.IsTokenStart(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
