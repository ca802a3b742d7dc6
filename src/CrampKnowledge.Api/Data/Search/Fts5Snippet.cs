using System.Buffers;
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

    // What WebUtility.HtmlEncode escapes besides surrogates: markup characters and the upper half of Latin-1.
    private static readonly SearchValues<char> HtmlEscaped = SearchValues.Create([.. "<>\"'&", .. Enumerable.Range(0xA0, 0x60).Select(c => (char)c)]);

    [ThreadStatic]
    private static StringBuilder? t_output;

    /// <param name="row">The row the passage comes from.</param>
    /// <param name="instances">Every phrase instance in the row, in <see cref="PhraseInstance"/> order.</param>
    /// <param name="phraseSizes">Tokens per phrase of the query.</param>
    /// <param name="seen">Scratch, one flag per phrase.</param>
    /// <param name="windowCounts">Scratch, one count per phrase.</param>
    public static string Build(
        IndexedRow row, ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes, Span<bool> seen, Span<int> windowCounts)
    {
        var (bestColumn, bestStart, bestScore, columnSize) = (0, 0, 0, 0);
        var bestRun = ReadOnlySpan<long>.Empty;
        var columnStart = 0;
        for (var column = 0; column < SearchColumns.Count; column++)
        {
            var indexed = row.Columns[column];
            var inColumn = ColumnRun(instances, column, ref columnStart);
            var sentences = indexed.SentenceStarts;
            var trySentences = sentences.Length > 0 && indexed.Size > MaxTokens;
            // Sentence starts and the first instance at or after each only move forward with the instances.
            var (sentence, sentenceFirst, scoredSentence) = (0, 0, -1);
            var windows = new InstanceWindows(inColumn, phraseSizes, windowCounts, indexed.Size);
            for (var i = 0; i < inColumn.Length; i++)
            {
                var offset = PhraseInstance.Position(inColumn[i]);
                // Instances at one position (of different phrases) score the same windows: the first one decides.
                if (i > 0 && PhraseInstance.Position(inColumn[i - 1]) == offset)
                {
                    continue;
                }

                var score = windows.Score(i, out var adjusted);
                if (score > bestScore)
                {
                    (bestColumn, bestStart, bestScore, columnSize) = (column, adjusted, score, indexed.Size);
                    bestRun = inColumn;
                }

                if (!trySentences)
                {
                    continue;
                }

                // The last sentence start at or before the instance (the first one is position 0).
                while (sentence + 1 < sentences.Length && sentences[sentence + 1] <= offset)
                {
                    sentence++;
                }

                // A sentence already scored for an earlier instance cannot beat the best again.
                if (sentences[sentence] < offset && sentence != scoredSentence)
                {
                    scoredSentence = sentence;
                    while (PhraseInstance.Position(inColumn[sentenceFirst]) < sentences[sentence])
                    {
                        sentenceFirst++;
                    }

                    score = Score(inColumn[sentenceFirst..], phraseSizes, seen, sentences[sentence], indexed.Size, out _)
                        + (sentences[sentence] == 0 ? 120 : 100);
                    if (score > bestScore)
                    {
                        (bestColumn, bestStart, bestScore, columnSize) = (column, sentences[sentence], score, indexed.Size);
                        bestRun = inColumn;
                    }
                }
            }
        }

        if (bestScore == 0)
        {
            columnSize = row.Columns[bestColumn].Size;
        }

        return Highlight(row.Columns[bestColumn], bestStart, columnSize, bestRun, phraseSizes);
    }

    /// <summary>
    /// fts5SnippetScore: 1000 per distinct phrase in the window, 1 per repeat; and where to start to centre them.
    /// <paramref name="instances"/> are the column's, from the first at or after <paramref name="from"/>: the
    /// window's are the run at their head, the same ones in the same order as fts5SnippetScore's walk over all.
    /// Walked for a window that starts a sentence; <see cref="InstanceWindows"/> keeps those that start at instances.
    /// </summary>
    private static int Score(
        ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes, Span<bool> seen, int from, int columnSize, out int adjusted)
    {
        seen.Clear();
        long end = (long)from + MaxTokens;
        var (score, first, last) = (0, -1, 0);
        foreach (var instance in instances)
        {
            var offset = PhraseInstance.Position(instance);
            if (offset >= end)
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

        adjusted = Centre(first, last, columnSize);
        return score;
    }

    /// <summary>Where fts5SnippetScore starts a window to centre the matches from <paramref name="first"/> to before <paramref name="last"/>.</summary>
    private static int Centre(int first, int last, int columnSize)
    {
        long start = first - (MaxTokens - (last - first)) / 2;
        if (start + MaxTokens > columnSize)
        {
            start = columnSize - MaxTokens;
        }

        return (int)Math.Max(start, 0);
    }

    /// <summary>
    /// The instances of one column: sorted by column, they are one run. Columns are asked for in order,
    /// so the search starts where the previous column's run began.
    /// </summary>
    private static ReadOnlySpan<long> ColumnRun(ReadOnlySpan<long> instances, int column, scoped ref int start)
    {
        while (start < instances.Length && PhraseInstance.Column(instances[start]) < column)
        {
            start++;
        }

        var end = start;
        while (end < instances.Length && PhraseInstance.Column(instances[end]) == column)
        {
            end++;
        }

        return instances[start..end];
    }

    /// <summary>fts5HighlightCb over the chosen window, with the ellipses fts5SnippetFunction adds.</summary>
    private static string Highlight(IndexedColumn column, int rangeStart, int columnSize, ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes)
    {
        var text = column.SnippetText();
        var rangeEnd = rangeStart + MaxTokens - 1;
        var output = t_output ??= new StringBuilder(256);
        output.Clear();
        if (rangeStart > 0)
        {
            output.Append(Ellipsis);
        }

        var matches = new CoalescedInstances(instances, phraseSizes);
        while (matches.Start >= 0 && matches.Start < rangeStart)
        {
            matches.Next();
        }

        // The window's tokens, found again in the text (the index keeps only some of their offsets).
        var shown = Math.Max(0, Math.Min(column.Size, rangeEnd + 1) - rangeStart);
        Span<int> starts = stackalloc int[MaxTokens];
        Span<int> ends = stackalloc int[MaxTokens];
        column.TokenBounds(text, rangeStart, starts[..shown], ends[..shown]);

        var cursor = 0;
        for (var position = rangeStart; position < column.Size && position <= rangeEnd; position++)
        {
            var (start, end) = (starts[position - rangeStart], ends[position - rangeStart]);
            if (rangeStart != 0 && position == rangeStart)
            {
                cursor = start;
            }

            if (position == matches.Start)
            {
                AppendEscaped(output, column, text, cursor, start).Append(MarkStart);
                cursor = start;
            }

            if (position == matches.End)
            {
                if (matches.Start < rangeStart)
                {
                    output.Append(MarkStart);
                }

                AppendEscaped(output, column, text, cursor, end).Append(MarkEnd);
                cursor = end;
                matches.Next();
            }

            if (position == rangeEnd)
            {
                AppendEscaped(output, column, text, cursor, end);
                cursor = end;
                if (position >= matches.Start && position < matches.End)
                {
                    output.Append(MarkEnd);
                }
            }
        }

        if (rangeEnd >= columnSize - 1)
        {
            AppendEscaped(output, column, text, cursor, text.Length);
        }
        else
        {
            output.Append(Ellipsis);
        }

        return output.ToString();
    }

    /// <summary>True when <see cref="WebUtility.HtmlEncode(string)"/> would change some character of the text.</summary>
    public static bool HasHtmlEscapes(ReadOnlySpan<char> text) =>
        text.IndexOfAny(HtmlEscaped) >= 0 || text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    /// <summary>
    /// The text from <paramref name="from"/> to <paramref name="to"/> as <see cref="WebUtility.HtmlEncode(string)"/>
    /// escapes it. Its escapes are per character (surrogate pairs are never split here: they separate
    /// tokens), so escaping the pieces equals escaping the whole passage as the FTS5 search did.
    /// </summary>
    private static StringBuilder AppendEscaped(StringBuilder output, IndexedColumn column, ReadOnlySpan<char> text, int from, int to)
    {
        var piece = text.Slice(from, to - from);
        return column.HasHtmlEscapes && HasHtmlEscapes(piece)
            ? output.Append(WebUtility.HtmlEncode(piece.ToString()))
            : output.Append(piece);
    }

    /// <summary>
    /// <see cref="Fts5Snippet.Score"/> for the windows that start at each instance of a column in turn, kept
    /// as the window slides (instances leave at its start, join at its end) instead of walked for each: the
    /// sum of 1000 per distinct phrase and 1 per repeat is the same in any order.
    /// </summary>
    private ref struct InstanceWindows
    {
        private readonly ReadOnlySpan<long> _instances;
        private readonly ReadOnlySpan<int> _phraseSizes;
        private readonly Span<int> _counts;
        private readonly int _columnSize;
        private int _start;
        private int _end;
        private int _distinct;

        /// <param name="instances">The column's instances.</param>
        /// <param name="counts">Scratch, one count per phrase.</param>
        public InstanceWindows(ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes, Span<int> counts, int columnSize)
        {
            _instances = instances;
            _phraseSizes = phraseSizes;
            _counts = counts;
            _columnSize = columnSize;
            counts.Clear();
        }

        /// <summary>The window from instance <paramref name="first"/>, the first at its position; windows are asked for in order.</summary>
        public int Score(int first, out int adjusted)
        {
            var from = PhraseInstance.Position(_instances[first]);
            for (; _start < first; _start++)
            {
                // An instance the last window did not reach was never counted.
                if (_start < _end && --_counts[PhraseInstance.Phrase(_instances[_start])] == 0)
                {
                    _distinct--;
                }
            }

            _end = Math.Max(_end, first);
            for (; _end < _instances.Length && PhraseInstance.Position(_instances[_end]) < (long)from + MaxTokens; _end++)
            {
                if (_counts[PhraseInstance.Phrase(_instances[_end])]++ == 0)
                {
                    _distinct++;
                }
            }

            var last = _instances[_end - 1];
            adjusted = Centre(from, PhraseInstance.Position(last) + _phraseSizes[PhraseInstance.Phrase(last)], _columnSize);
            return (1000 * _distinct) + (_end - first - _distinct);
        }
    }

    /// <summary>fts5CInstIterNext: the instances of one column, overlapping ones joined into one span of tokens.</summary>
    private ref struct CoalescedInstances
    {
        private readonly ReadOnlySpan<long> _instances;
        private readonly ReadOnlySpan<int> _phraseSizes;
        private int _next;

        /// <param name="instances">The column's instances only.</param>
        public CoalescedInstances(ReadOnlySpan<long> instances, ReadOnlySpan<int> phraseSizes)
        {
            _instances = instances;
            _phraseSizes = phraseSizes;
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
