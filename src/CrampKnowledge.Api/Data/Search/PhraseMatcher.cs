using System.Numerics;

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
    public static int Resolve(SearchIndex index, SearchPhrase phrase, Span<TermRange> ranges)
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
    public static bool CanMatch(ReadOnlySpan<TermRange> ranges)
    {
        foreach (var range in ranges)
        {
            if (range.IsEmpty)
            {
                return false;
            }
        }

        return ranges.Length > 0;
    }

    /// <summary>
    /// Adds the phrase's column weights per row to <paramref name="frequencies"/> and lists the rows it is in,
    /// each once, in <paramref name="rows"/>; returns how many rows that is, bm25's nHit.
    /// </summary>
    /// <param name="lastPhrase">Per row, the last phrase counted there; counts each row once per phrase.</param>
    public static int Count(
        SearchIndex index, ReadOnlySpan<TermRange> ranges, int phrase,
        Span<double> frequencies, Span<int> lastPhrase, Span<int> rows)
    {
        var count = 0;
        for (var term = ranges[0].From; term < ranges[0].To; term++)
        {
            if (!ranges[0].Contains(term))
            {
                continue;
            }

            var postings = index.Postings[term];
            if (ranges.Length == 1)
            {
                // One word: each row's weight is summed already.
                for (var i = 0; i < postings.Rows.Length; i++)
                {
                    var row = postings.Rows[i];
                    Mark(row, phrase, lastPhrase, rows, ref count);
                    frequencies[row] += postings.RowWeights[i];
                }

                continue;
            }

            var locator = new OccurrenceLocator(index.ColumnStarts, postings.Rows);
            foreach (var occurrence in postings.Occurrences)
            {
                if (FollowedBy(index.Tokens, occurrence, ranges[1..]))
                {
                    var (row, column) = locator.Locate(occurrence);
                    Mark(row, phrase, lastPhrase, rows, ref count);
                    frequencies[row] += SearchColumns.Weights[column];
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Adds every instance of every phrase in one row, in <see cref="PhraseInstance"/> order, by reading the
    /// row's tokens once: columns, positions and phrases come in that order, so nothing needs sorting and no
    /// term's row list is searched. A row is a few hundred tokens at most (a source's full text about a thousand).
    /// </summary>
    /// <param name="ranges">Every phrase's token ranges, one after another.</param>
    /// <param name="firstRange">Per phrase, where its ranges start in <paramref name="ranges"/>; one more entry ends the last.</param>
    /// <param name="firstTokenPhrases">
    /// Per term id, a bit for each phrase that can match and whose first token the term can be (<see cref="MarkFirstTokens"/>);
    /// empty when there are more phrases than bits, and then each phrase is tried at each token.
    /// </param>
    public static void AddInstances(
        IndexedRow row, ReadOnlySpan<TermRange> ranges, ReadOnlySpan<int> firstRange,
        ReadOnlySpan<ulong> firstTokenPhrases, List<long> instances)
    {
        // From the name: the type and slug columns hold no tokens.
        for (var c = SearchColumns.Name; c < SearchColumns.Count; c++)
        {
            var column = row.Columns[c];
            var termIds = column.TermIds;
            if (firstTokenPhrases.IsEmpty)
            {
                AddEachPhrase(column, c, ranges, firstRange, instances);
                continue;
            }

            for (var position = 0; position < termIds.Length; position++)
            {
                for (var phrases = firstTokenPhrases[termIds[position]]; phrases != 0; phrases &= phrases - 1)
                {
                    var phrase = BitOperations.TrailingZeroCount(phrases);
                    AddIfFollowed(column, c, position, phrase, ranges[firstRange[phrase]..firstRange[phrase + 1]], instances);
                }
            }
        }
    }

    /// <summary><see cref="AddInstances"/> for one column without the phrase bits: each phrase is tried at each token.</summary>
    private static void AddEachPhrase(
        IndexedColumn column, int c, ReadOnlySpan<TermRange> ranges, ReadOnlySpan<int> firstRange, List<long> instances)
    {
        for (var position = 0; position < column.Size; position++)
        {
            var term = column.TermIds[position];
            for (var phrase = 0; phrase < firstRange.Length - 1; phrase++)
            {
                var phraseRanges = ranges[firstRange[phrase]..firstRange[phrase + 1]];
                if (CanMatch(phraseRanges) && phraseRanges[0].Contains(term))
                {
                    AddIfFollowed(column, c, position, phrase, phraseRanges, instances);
                }
            }
        }
    }

    /// <summary>
    /// Sets, per term id, the bit of each phrase (below 64) that can match and whose first token it can be;
    /// with <paramref name="set"/> false, clears them again, leaving <paramref name="firstTokenPhrases"/> all zero.
    /// </summary>
    public static void MarkFirstTokens(
        ReadOnlySpan<TermRange> ranges, ReadOnlySpan<int> firstRange, Span<ulong> firstTokenPhrases, bool set)
    {
        for (var phrase = 0; phrase < firstRange.Length - 1; phrase++)
        {
            var phraseRanges = ranges[firstRange[phrase]..firstRange[phrase + 1]];
            if (!CanMatch(phraseRanges))
            {
                continue;
            }

            for (var term = phraseRanges[0].From; term < phraseRanges[0].To; term++)
            {
                if (!phraseRanges[0].Contains(term))
                {
                    continue;
                }

                firstTokenPhrases[term] = set ? firstTokenPhrases[term] | (1UL << phrase) : 0;
            }
        }
    }

    private static void AddIfFollowed(
        IndexedColumn column, int c, int position, int phrase, ReadOnlySpan<TermRange> phraseRanges, List<long> instances)
    {
        if (phraseRanges.Length == 1 || FollowedBy(column, position, phraseRanges[1..]))
        {
            instances.Add(PhraseInstance.Pack(c, position, phrase));
        }
    }

    private static void Mark(int row, int phrase, Span<int> lastPhrase, Span<int> rows, ref int count)
    {
        if (lastPhrase[row] != phrase)
        {
            lastPhrase[row] = phrase;
            rows[count++] = row;
        }
    }

    /// <summary>
    /// <see cref="FollowedBy(IndexedColumn, int, ReadOnlySpan{TermRange})"/> read in <see cref="SearchIndex.Tokens"/>: a phrase
    /// that would run past the column meets its <see cref="SearchIndex.ColumnEnd"/>, which no range contains.
    /// </summary>
    private static bool FollowedBy(int[] tokens, int occurrence, ReadOnlySpan<TermRange> rest)
    {
        for (var i = 0; i < rest.Length; i++)
        {
            if (!rest[i].Contains(tokens[occurrence + 1 + i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool FollowedBy(IndexedColumn column, int position, ReadOnlySpan<TermRange> rest)
    {
        if (position + rest.Length >= column.Size)
        {
            return false;
        }

        for (var i = 0; i < rest.Length; i++)
        {
            var term = column.TermIds[position + 1 + i];
            if (!rest[i].Contains(term))
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
