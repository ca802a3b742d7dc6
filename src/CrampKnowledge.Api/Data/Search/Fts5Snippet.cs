using System.Net;
using System.Text;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// FTS5's <c>snippet(SearchIndex, -1, char(2), char(3), '…', 16)</c>, step for step as SQLite's
/// fts5SnippetFunction does it, so passages read as they did: pick the column and window of up to
/// 16 tokens with the most distinct phrases (or a window that starts a sentence), then mark the
/// matches in it, joining overlapping ones, with an ellipsis where text was cut. The passage comes
/// out HTML-escaped with &lt;mark&gt; tags where SQLite put its char(2) and char(3) markers.
/// </summary>
internal static class Fts5Snippet
{
    private const string MarkStart = "<mark>";
    private const string MarkEnd = "</mark>";
    private const char Ellipsis = '…';
    private const int MaxTokens = 16;

    [ThreadStatic]
    private static StringBuilder? t_output;

    /// <param name="row">The row the passage comes from.</param>
    /// <param name="instances">Every phrase instance in the row, in <see cref="PhraseInstance"/> order.</param>
    /// <param name="phraseSizes">Tokens per phrase of the query.</param>
    /// <param name="seen">Scratch, one flag per phrase.</param>
    public static string Build(IndexedRow row, ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes, Span<bool> seen)
    {
        var (bestColumn, bestStart, bestScore, columnSize) = (0, 0, 0, 0);
        for (var column = 0; column < SearchColumns.Count; column++)
        {
            var indexed = row.Columns[column];
            var sentences = indexed.SentenceStarts;
            // Instances are sorted by column, so this column's are one run.
            for (var i = FirstAtOrAfter(instances, column, 0); i < instances.Length && PhraseInstance.Column(instances[i]) == column; i++)
            {
                var offset = PhraseInstance.Position(instances[i]);
                var score = Score(instances, phraseSizes, seen, column, offset, indexed.Size, out var adjusted);
                if (score > bestScore)
                {
                    (bestColumn, bestStart, bestScore, columnSize) = (column, adjusted, score, indexed.Size);
                }

                if (sentences.Length > 0 && indexed.Size > MaxTokens)
                {
                    // The last sentence start at or before the instance (the first one is position 0).
                    var j = Array.BinarySearch(sentences, offset);
                    j = j >= 0 ? j : ~j - 1;

                    if (sentences[j] < offset)
                    {
                        score = Score(instances, phraseSizes, seen, column, sentences[j], indexed.Size, out _) + (sentences[j] == 0 ? 120 : 100);
                        if (score > bestScore)
                        {
                            (bestColumn, bestStart, bestScore, columnSize) = (column, sentences[j], score, indexed.Size);
                        }
                    }
                }
            }
        }

        if (bestScore == 0)
        {
            columnSize = row.Columns[bestColumn].Size;
        }

        return Highlight(row.Columns[bestColumn], bestColumn, bestStart, columnSize, instances, phraseSizes);
    }

    /// <summary>fts5SnippetScore: 1000 per distinct phrase in the window, 1 per repeat; and where to start to centre them.</summary>
    private static int Score(
        ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes, Span<bool> seen, int column, int from, int columnSize, out int adjusted)
    {
        seen.Clear();
        long end = (long)from + MaxTokens;
        var (score, first, last) = (0, -1, 0);
        // The instances in the window are one run of the sorted instances: the same ones, in the same
        // order, as fts5SnippetScore's walk over all of them.
        for (var i = FirstAtOrAfter(instances, column, from); i < instances.Length; i++)
        {
            var instance = instances[i];
            var offset = PhraseInstance.Position(instance);
            if (PhraseInstance.Column(instance) != column || offset >= end)
            {
                break;
            }

            var phrase = PhraseInstance.Phrase(instance);
            score += seen[phrase] ? 1 : 1000;
            seen[phrase] = true;
            if (first < 0)
            {
                first = offset;
            }

            last = offset + phraseSizes[phrase];
        }

        long start = first - (MaxTokens - (last - first)) / 2;
        if (start + MaxTokens > columnSize)
        {
            start = columnSize - MaxTokens;
        }

        adjusted = (int)Math.Max(start, 0);
        return score;
    }

    /// <summary>Index of the first instance at or after a position of a column.</summary>
    private static int FirstAtOrAfter(ReadOnlySpan<long> instances, int column, int position)
    {
        var key = PhraseInstance.Pack(column, position, 0);
        var (low, high) = (0, instances.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (instances[middle] < key)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>fts5HighlightCb over the chosen window, with the ellipses fts5SnippetFunction adds.</summary>
    private static string Highlight(IndexedColumn column, int columnNumber, int rangeStart, int columnSize, ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes)
    {
        var text = column.Text;
        var rangeEnd = rangeStart + MaxTokens - 1;
        var output = t_output ??= new StringBuilder(256);
        output.Clear();
        if (rangeStart > 0)
        {
            output.Append(Ellipsis);
        }

        var matches = new CoalescedInstances(instances, phraseSizes, columnNumber);
        while (matches.Start >= 0 && matches.Start < rangeStart)
        {
            matches.Next();
        }

        var cursor = 0;
        for (var position = rangeStart; position < column.Size && position <= rangeEnd; position++)
        {
            var (start, end) = (column.Starts[position], column.Ends[position]);
            if (rangeStart != 0 && position == rangeStart)
            {
                cursor = start;
            }

            if (position == matches.Start)
            {
                AppendEscaped(output, text, cursor, start).Append(MarkStart);
                cursor = start;
            }

            if (position == matches.End)
            {
                if (matches.Start < rangeStart)
                {
                    output.Append(MarkStart);
                }

                AppendEscaped(output, text, cursor, end).Append(MarkEnd);
                cursor = end;
                matches.Next();
            }

            if (position == rangeEnd)
            {
                AppendEscaped(output, text, cursor, end);
                cursor = end;
                if (position >= matches.Start && position < matches.End)
                {
                    output.Append(MarkEnd);
                }
            }
        }

        if (rangeEnd >= columnSize - 1)
        {
            AppendEscaped(output, text, cursor, text.Length);
        }
        else
        {
            output.Append(Ellipsis);
        }

        return output.ToString();
    }

    /// <summary>
    /// The text from <paramref name="from"/> to <paramref name="to"/> as <see cref="WebUtility.HtmlEncode(string)"/>
    /// escapes it. Its escapes are per character (surrogate pairs are never split here: they separate
    /// tokens), so escaping the pieces equals escaping the whole passage as the FTS5 search did.
    /// </summary>
    private static StringBuilder AppendEscaped(StringBuilder output, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is '<' or '>' or '"' or '\'' or '&' or (>= '\u00A0' and <= '\u00FF') || char.IsSurrogate(text[i]))
            {
                return output.Append(WebUtility.HtmlEncode(text[from..to]));
            }
        }

        return output.Append(text, from, to - from);
    }

    /// <summary>fts5CInstIterNext: the instances of one column, overlapping ones joined into one span of tokens.</summary>
    private ref struct CoalescedInstances
    {
        private readonly ReadOnlySpan<long> _instances;
        private readonly ReadOnlySpan<int> _phraseSizes;
        private readonly int _column;
        private int _next;

        public CoalescedInstances(ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes, int column)
        {
            _instances = instances;
            _phraseSizes = phraseSizes;
            _column = column;
            Next();
        }

        /// <summary>First token of the current span; -1 when there are no more.</summary>
        public int Start { get; private set; }

        /// <summary>Last token of the current span; -1 when there are no more.</summary>
        public int End { get; private set; }

        public void Next()
        {
            (Start, End) = (-1, -1);
            for (; _next < _instances.Length; _next++)
            {
                var instance = _instances[_next];
                if (PhraseInstance.Column(instance) != _column)
                {
                    continue;
                }

                var offset = PhraseInstance.Position(instance);
                var end = offset - 1 + _phraseSizes[PhraseInstance.Phrase(instance)];
                if (Start < 0)
                {
                    (Start, End) = (offset, end);
                }
                else if (offset <= End)
                {
                    End = Math.Max(End, end);
                }
                else
                {
                    break;
                }
            }
        }
    }
}
