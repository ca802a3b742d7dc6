using System.Runtime.InteropServices;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// The in-memory inverted index over every record's name, aliases, summary and quotes, and every
/// source's title, publisher, summary and text: the same rows and columns the SQLite FTS5 table held,
/// built once from the snapshot. The tokenizer does not stem: the query side strips endings and
/// matches prefixes instead, which gives both "dehydrat" → dehydration and "cramping" → cramps.
/// Kept rather than SQLite's own FTS5 (issue 16, bench/run.sh of 2026-12-05, docs/benchmarks.md): a new
/// search through FTS5 ran at 0.04× the Kestrel reference (640 µs of CPU each, p99 35 ms) against a 0.3×
/// target; through this index 0.53× (47 µs).
/// </summary>
public sealed class SearchIndex
{
    private readonly string[] _terms;

    private SearchIndex(IndexedRow[] rows, string[] terms, TermPostings[] postings, long tokenCount, int[] tokens, int[] columnStarts, int[] rowTypeBits)
    {
        Rows = rows;
        Tokens = tokens;
        ColumnStarts = columnStarts;
        _terms = terms;
        Postings = postings;
        // bm25's avgdl: tokens in the whole table over its rows.
        var averageRowSize = (double)tokenCount / rows.Length;
        LengthNorms = Array.ConvertAll(rows, row => Bm25.LengthNorm(row.TokenCount, averageRowSize));
        RowTypeBits = rowTypeBits;
    }

    /// <summary>In FTS5 rowid order: records by key, then sources.</summary>
    internal IndexedRow[] Rows { get; }

    /// <summary>
    /// Every indexed column's term ids, row after row, each column followed by <see cref="ColumnEnd"/>: a phrase matched
    /// around an occurrence reads its neighbours here in one step, without visiting the row, and never runs past a column.
    /// </summary>
    internal int[] Tokens { get; }

    /// <summary>Per row and column (row · <see cref="SearchColumns.Count"/> + column), where the column starts in <see cref="Tokens"/>.</summary>
    internal int[] ColumnStarts { get; }

    /// <summary>In <see cref="Tokens"/> after each column: no term id, so no phrase token matches it.</summary>
    internal const int ColumnEnd = -1;

    /// <summary>Per term id, where the term occurs.</summary>
    internal TermPostings[] Postings { get; }

    /// <summary>Per row, its <see cref="Bm25.LengthNorm"/>.</summary>
    internal double[] LengthNorms { get; }

    /// <summary>Per row, its <see cref="IndexedRow.TypeBit"/>: read for every row a phrase reaches, without visiting the row.</summary>
    internal int[] RowTypeBits { get; }

    internal IReadOnlyList<string> Terms => _terms;

    /// <summary>
    /// Where the token stands in <see cref="Tokens"/>: the number a posting keeps for an occurrence. Row, column and position
    /// order is <see cref="Tokens"/>' order, so occurrences sort as they did packed in 64 bits, in half the memory (issue 19:
    /// 14.7 MB of postings at 100x content), and the next token of the same column is the next number.
    /// </summary>
    internal int Occurrence(int row, int column, int position) => ColumnStarts[(row * SearchColumns.Count) + column] + position;

    /// <summary>
    /// The row, column and position of an occurrence, by binary search: for tests and rare callers; a walk over one
    /// term's occurrences in order uses <see cref="OccurrenceLocator"/>.
    /// </summary>
    internal (int Row, int Column, int Position) Locate(int occurrence)
    {
        var (low, high) = (0, Rows.Length - 1);
        while (low < high)
        {
            var middle = (low + high + 1) >>> 1;
            if (ColumnStarts[(middle * SearchColumns.Count) + SearchColumns.Name] <= occurrence)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var column = OccurrenceLocator.ColumnOf(ColumnStarts, low, occurrence);
        return (low, column, occurrence - ColumnStarts[(low * SearchColumns.Count) + column]);
    }

    /// <summary>
    /// The ids of the terms equal to <paramref name="token"/>, or with <paramref name="prefix"/> also those it
    /// begins followed by a word ending (<see cref="IsWordEnding"/>): empty when none.
    /// </summary>
    internal TermRange Find(ReadOnlySpan<char> token, bool prefix)
    {
        var from = LowerBound(token);
        if (!prefix)
        {
            return from < _terms.Length && token.SequenceEqual(_terms[from]) ? new(from, from + 1) : new(from, from);
        }

        int first = -1, last = -1;
        for (var term = from; term < _terms.Length && _terms[term].AsSpan().StartsWith(token, StringComparison.Ordinal); term++)
        {
            if (IsWordEnding(_terms[term].AsSpan(token.Length)))
            {
                first = first < 0 ? term : first;
                last = term;
            }
        }

        if (first < 0)
        {
            return new(from, from);
        }

        // Rarely more than a handful of forms; past 64 terms the rest are left out rather than let a bit wrap.
        var to = Math.Min(last + 1, first + TermRange.MaxSpanWithExclusions);
        var excluded = 0UL;
        for (var term = first; term < to; term++)
        {
            if (!IsWordEnding(_terms[term].AsSpan(token.Length)))
            {
                excluded |= 1UL << (term - first);
            }
        }

        return new(first, to, excluded);
    }

    /// <summary>
    /// What may follow a query word's stem in a form of the same word ("cramp" → cramps, cramping; "dehydr" →
    /// dehydration, dehydrated), so that a prefix does not reach a different word that shares its first
    /// letters ("als" → also, "sign" → signals).
    /// </summary>
    internal static bool IsWordEnding(ReadOnlySpan<char> rest) => rest.Length == 0 || WordEndings.Contains(rest);

    // Looked up by span: a search reads each term of a prefix's range without allocating its ending.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> WordEndings = new HashSet<string>(StringComparer.Ordinal)
    {
        "s", "es", "e", "ed", "d", "ing", "ings", "er", "ers", "y", "ies", "ied", "ly", "ily", "ness",
        "ion", "ions", "ation", "ations", "ate", "ates", "ated", "ating", "ative", "atory", "ment", "ments",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private int LowerBound(ReadOnlySpan<char> token)
    {
        var (low, high) = (0, _terms.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_terms[middle].AsSpan().SequenceCompareTo(token) < 0)
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

    /// <summary>
    /// Tokenizes every column once. A term's first sighting allocates its string and later ones find it by span;
    /// ids follow first sightings until every term is known, then become positions in the sorted term list. Written
    /// for start-up time and memory (issue 19): at 100x content the LINQ version allocated a string per token
    /// (1.8 million) and kept each token's start and end.
    /// </summary>
    public static SearchIndex Build(KnowledgeSnapshot snapshot)
    {
        // The columns exactly as the FTS5 table was filled: aliases joined with " | ", quotes with " … ",
        // a source's publisher in the aliases column and its full text in the quotes column.
        var texts = snapshot.Records.OrderBy(r => r.Key)
            .Select(r => (Type: r.Kind.WireName(), r.Id, Record: (SnapshotRecord?)r, Source: (SnapshotSource?)null,
                Columns: new[] { ColumnText.Of(r.Name), ColumnText.Joined(r.Aliases, " | "), ColumnText.Of(r.Summary),
                    ColumnText.Joined(r.Citations.Select(c => c.Quote).ToArray(), " … ") }))
            .Concat(snapshot.Sources.Select(s => (Type: "source", s.Id, Record: (SnapshotRecord?)null, Source: (SnapshotSource?)s,
                Columns: new[] { ColumnText.Of(s.Title), ColumnText.Of(s.Publisher ?? ""), ColumnText.Of(s.Detail.Summary), ColumnText.Of(s.Detail.Text) })))
            .ToList();

        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstSeenBySpan = firstSeen.GetAlternateLookup<ReadOnlySpan<char>>();
        var folded = new char[256];
        var ids = new List<int>();
        var starts = new List<int>();
        var rows = new IndexedRow[texts.Count];
        long tokenCount = 0;
        for (var number = 0; number < texts.Count; number++)
        {
            var columns = new IndexedColumn[SearchColumns.Count];
            columns[SearchColumns.Type] = new IndexedColumn(texts[number].Type, [], []);
            columns[SearchColumns.Slug] = new IndexedColumn(texts[number].Id, [], []);
            for (var i = 0; i < texts[number].Columns.Length; i++)
            {
                var (text, parts, separator) = texts[number].Columns[i];
                if (folded.Length < text.Length)
                {
                    folded = new char[Math.Max(text.Length, folded.Length * 2)];
                }

                ids.Clear();
                starts.Clear();
                var position = 0;
                while (Unicode61Tokenizer.Next(text, ref position, folded, out var start, out _, out var length))
                {
                    var token = folded.AsSpan(0, length);
                    if (!firstSeenBySpan.TryGetValue(token, out var id))
                    {
                        id = firstSeen.Count;
                        firstSeenBySpan[token] = id;
                    }

                    ids.Add(id);
                    starts.Add(start);
                }

                columns[SearchColumns.Name + i] = new IndexedColumn(text, parts, separator, [.. ids], CollectionsMarshal.AsSpan(starts));
            }

            var rowTokens = columns.Sum(c => c.Size);
            tokenCount += rowTokens;
            rows[number] = new IndexedRow
            {
                Number = number, Type = texts[number].Type, TypeBit = SearchColumns.TypeBit(texts[number].Type), Id = texts[number].Id,
                Record = texts[number].Record, Source = texts[number].Source,
                Columns = columns, TokenCount = rowTokens,
            };
        }

        // First-sighting ids become sorted ids, and each term's occurrences are counted, then filed: rows, columns
        // and positions are walked in order, so every term's occurrences come out sorted.
        var terms = firstSeen.Keys.ToArray();
        var sortedIds = new int[terms.Length];
        var bySighting = Enumerable.Range(0, terms.Length).ToArray();
        Array.Sort(terms, bySighting, StringComparer.Ordinal);
        for (var sorted = 0; sorted < terms.Length; sorted++)
        {
            sortedIds[bySighting[sorted]] = sorted;
        }

        // Each indexed column's ids, now sorted ids, move into one flat array with a ColumnEnd after each (Tokens).
        var counts = new int[terms.Length];
        var tokens = new int[tokenCount + (rows.Length * (SearchColumns.Count - SearchColumns.Name))];
        var columnStarts = new int[rows.Length * SearchColumns.Count];
        var tokensWritten = 0;
        foreach (var row in rows)
        {
            for (var column = SearchColumns.Name; column < SearchColumns.Count; column++)
            {
                var termIds = row.Columns[column].MutableTermIds;
                var start = columnStarts[(row.Number * SearchColumns.Count) + column] = tokensWritten;
                for (var position = 0; position < termIds.Length; position++)
                {
                    var term = tokens[tokensWritten++] = sortedIds[termIds[position]];
                    counts[term]++;
                }

                tokens[tokensWritten++] = ColumnEnd;
                row.Columns[column].MoveTokensTo(tokens, start);
            }
        }

        // Every term's occurrences, filed in row, column and position order: each term's come out sorted, and its rows, row
        // weights and naming rows are summed as they come.
        var rowTypeBits = Array.ConvertAll(rows, row => row.TypeBit);
        var postings = Array.ConvertAll(counts, count => new TermPostings.Builder(count));
        foreach (var row in rows)
        {
            for (var column = SearchColumns.Name; column < SearchColumns.Count; column++)
            {
                var start = columnStarts[(row.Number * SearchColumns.Count) + column];
                var termIds = row.Columns[column].TermIds;
                for (var position = 0; position < termIds.Length; position++)
                {
                    postings[termIds[position]].Add(start + position, row.Number, column, rowTypeBits[row.Number]);
                }
            }
        }

        return new SearchIndex(
            rows, terms, Array.ConvertAll(postings, p => p.Build()), tokenCount, tokens, columnStarts, rowTypeBits);
    }

    /// <summary>A column's text, and the strings it joins when the column keeps those instead (<see cref="IndexedColumn"/>).</summary>
    private readonly record struct ColumnText(string Text, IReadOnlyList<string>? Parts, string Separator)
    {
        public static ColumnText Of(string text) => new(text, null, "");

        public static ColumnText Joined(IReadOnlyList<string> parts, string separator) => new(string.Join(separator, parts), parts, separator);
    }
}
