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

    private SearchIndex(IndexedRow[] rows, string[] terms, TermPostings[] postings, long tokenCount, int[] tokens, int[] columnStarts)
    {
        Rows = rows;
        Tokens = tokens;
        ColumnStarts = columnStarts;
        _terms = terms;
        Postings = postings;
        // bm25's avgdl: tokens in the whole table over its rows.
        var averageRowSize = (double)tokenCount / rows.Length;
        LengthNorms = Array.ConvertAll(rows, row => Bm25.LengthNorm(row.TokenCount, averageRowSize));
        RowTypeBits = Array.ConvertAll(rows, row => row.TypeBit);
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

    /// <summary>Row, column and token position packed in one sortable number.</summary>
    internal static long Occurrence(int row, int column, int position) => ((long)row << 40) | ((long)column << 32) | (uint)position;

    internal static int RowOf(long occurrence) => (int)(occurrence >> 40);

    internal static int ColumnOf(long occurrence) => (int)(occurrence >> 32) & 0xFF;

    internal static int PositionOf(long occurrence) => (int)occurrence;

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

    public static SearchIndex Build(KnowledgeSnapshot snapshot)
    {
        // The columns exactly as the FTS5 table was filled: aliases joined with " | ", quotes with " … ",
        // a source's publisher in the aliases column and its full text in the quotes column.
        var texts = snapshot.Records.OrderBy(r => r.Key)
            .Select(r => (Type: r.Kind.WireName(), r.Id, Record: (SnapshotRecord?)r, Source: (SnapshotSource?)null,
                Columns: new[] { r.Name, string.Join(" | ", r.Aliases), r.Summary, string.Join(" … ", r.Citations.Select(c => c.Quote)) }))
            .Concat(snapshot.Sources.Select(s => (Type: "source", s.Id, Record: (SnapshotRecord?)null, Source: (SnapshotSource?)s,
                Columns: new[] { s.Title, s.Publisher ?? "", s.Detail.Summary, s.Detail.Text })))
            .ToList();

        var tokenized = texts.Select(t => t.Columns.Select(Unicode61Tokenizer.Tokenize).ToArray()).ToList();
        var terms = tokenized.SelectMany(columns => columns).SelectMany(tokens => tokens).Select(t => t.Folded)
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        var termIds = terms.Select((term, id) => (term, id)).ToDictionary(t => t.term, t => t.id, StringComparer.Ordinal);

        var postings = terms.Select(_ => new List<long>()).ToArray();
        var rows = new IndexedRow[texts.Count];
        var flat = new int[tokenized.Sum(columns => columns.Sum(tokens => tokens.Count + 1))];
        var columnStarts = new int[texts.Count * SearchColumns.Count];
        var flatCount = 0;
        long tokenCount = 0;
        for (var number = 0; number < texts.Count; number++)
        {
            var columns = new IndexedColumn[SearchColumns.Count];
            columns[SearchColumns.Type] = new IndexedColumn(texts[number].Type, [], [], []);
            columns[SearchColumns.Slug] = new IndexedColumn(texts[number].Id, [], [], []);
            for (var i = 0; i < texts[number].Columns.Length; i++)
            {
                var column = SearchColumns.Name + i;
                var tokens = tokenized[number][i];
                var start = columnStarts[(number * SearchColumns.Count) + column] = flatCount;
                for (var position = 0; position < tokens.Count; position++)
                {
                    var id = flat[flatCount++] = termIds[tokens[position].Folded];
                    postings[id].Add(Occurrence(number, column, position));
                }

                flat[flatCount++] = ColumnEnd;
                columns[column] = new IndexedColumn(
                    texts[number].Columns[i], flat, start, tokens.Count, tokens.Select(t => t.Start).ToArray(), tokens.Select(t => t.End).ToArray());
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

        var rowTypeBits = Array.ConvertAll(rows, row => row.TypeBit);
        return new SearchIndex(rows, terms, postings.Select(p => TermPostings.From(p, rowTypeBits)).ToArray(), tokenCount, flat, columnStarts);
    }
}
