namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Where one phrase occurs in the index, as FTS5 matched a quoted string: its tokens consecutive in
/// one column, the last token a prefix when the phrase is one. A phrase is resolved once per search
/// into one range of term ids per token (<see cref="SearchIndex.Find"/>).
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>
    /// Tokenizes the phrase as FTS5 tokenized the quoted string and writes each token's term range to
    /// <paramref name="ranges"/> (as long as the text); returns the number of tokens, FTS5's xPhraseSize.
    /// </summary>
    public static int Resolve(SearchIndex index, SearchPhrase phrase, Span<(int From, int To)> ranges)
    {
        var text = phrase.Text.AsSpan();
        Span<char> folded = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var size = 0;
        var position = 0;
        while (Unicode61Tokenizer.Next(text, ref position, folded, out _, out _, out var length))
        {
            ranges[size++] = index.Find(folded[..length], prefix: phrase.IsPrefix && !HasMoreTokens(text, position));
        }

        return size;
    }

    /// <summary>False when some token of the phrase is in no row, or it has no tokens: it matches nothing.</summary>
    public static bool CanMatch(ReadOnlySpan<(int From, int To)> ranges)
    {
        foreach (var (from, to) in ranges)
        {
            if (from == to)
            {
                return false;
            }
        }

        return ranges.Length > 0;
    }

    /// <summary>
    /// Adds the phrase's column weights per row to <paramref name="frequencies"/> (row-major, one entry
    /// per phrase) and marks the rows it is in; returns how many rows that is, bm25's nHit.
    /// </summary>
    /// <param name="lastPhrase">Per row, the last phrase counted there; counts each row once per phrase.</param>
    public static int Count(
        SearchIndex index, ReadOnlySpan<(int From, int To)> ranges, int phrase, int phraseCount,
        Span<double> frequencies, Span<int> lastPhrase, Span<bool> matched)
    {
        var rows = 0;
        for (var term = ranges[0].From; term < ranges[0].To; term++)
        {
            var postings = index.Postings[term];
            if (ranges.Length == 1)
            {
                // One word: each row's weight is summed already.
                for (var i = 0; i < postings.Rows.Length; i++)
                {
                    var row = postings.Rows[i];
                    rows += Mark(row, phrase, lastPhrase, matched);
                    frequencies[(row * phraseCount) + phrase] += postings.RowWeights[i];
                }

                continue;
            }

            foreach (var occurrence in postings.Occurrences)
            {
                if (FollowedBy(index, occurrence, ranges[1..]))
                {
                    var row = SearchIndex.RowOf(occurrence);
                    rows += Mark(row, phrase, lastPhrase, matched);
                    frequencies[(row * phraseCount) + phrase] += SearchColumns.Weights[SearchIndex.ColumnOf(occurrence)];
                }
            }
        }

        return rows;
    }

    /// <summary>Adds the phrase's instances in one row, as <see cref="PhraseInstance"/>s, unsorted.</summary>
    public static void AddInstances(SearchIndex index, ReadOnlySpan<(int From, int To)> ranges, int phrase, int row, List<long> instances)
    {
        for (var term = ranges[0].From; term < ranges[0].To; term++)
        {
            foreach (var occurrence in index.Postings[term].In(row))
            {
                if (ranges.Length == 1 || FollowedBy(index, occurrence, ranges[1..]))
                {
                    instances.Add(PhraseInstance.Pack(SearchIndex.ColumnOf(occurrence), SearchIndex.PositionOf(occurrence), phrase));
                }
            }
        }
    }

    private static int Mark(int row, int phrase, Span<int> lastPhrase, Span<bool> matched)
    {
        if (lastPhrase[row] == phrase)
        {
            return 0;
        }

        lastPhrase[row] = phrase;
        matched[row] = true;
        return 1;
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
