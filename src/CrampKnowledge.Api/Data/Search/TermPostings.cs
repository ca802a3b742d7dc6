namespace CrampKnowledge.Api.Data.Search;

/// <summary>Where one term occurs: every occurrence, and per row the bm25 weight those occurrences add up to.</summary>
internal sealed class TermPostings(int[] occurrences, int[] rows, float[] rowWeights, int[] namingRows, int typeBits)
{
    /// <summary>Every occurrence (<see cref="SearchIndex.Occurrence"/>), in row, column, position order.</summary>
    public int[] Occurrences { get; } = occurrences;

    /// <summary>The rows the term occurs in, ascending.</summary>
    public int[] Rows { get; } = rows;

    /// <summary>
    /// Per entry of <see cref="Rows"/>, the column weights of the term's occurrences there, summed: what a
    /// one-word phrase adds to FTS5's phrase frequency. Small whole numbers, so the sum is exact in any order, and exact
    /// as a float: half the memory of doubles (2.6 MB at 100x content), and the same double when read.
    /// </summary>
    public float[] RowWeights { get; } = rowWeights;

    /// <summary>The rows whose name or aliases hold the term, ascending: the records the term names.</summary>
    public int[] NamingRows { get; } = namingRows;

    /// <summary>The <see cref="IndexedRow.TypeBit"/>s of its rows, together.</summary>
    public int TypeBits { get; } = typeBits;

    /// <summary>What the term's occurrences in the row weigh together (<see cref="RowWeights"/>); 0 when it is not there.</summary>
    public double WeightIn(int row)
    {
        var at = Array.BinarySearch(Rows, row);
        return at >= 0 ? RowWeights[at] : 0.0;
    }

    /// <summary>Files one term's occurrences, given in row, column and position order.</summary>
    internal sealed class Builder(int count)
    {
        private readonly int[] _occurrences = new int[count];
        private readonly List<int> _rows = [];
        private readonly List<float> _weights = [];
        private readonly List<int> _naming = [];
        private int _filled;
        private int _typeBits;

        public void Add(int occurrence, int row, int column, int rowTypeBit)
        {
            _occurrences[_filled++] = occurrence;
            if (_rows.Count == 0 || _rows[^1] != row)
            {
                _rows.Add(row);
                _weights.Add(0f);
                _typeBits |= rowTypeBit;
            }

            _weights[^1] += (float)SearchColumns.Weights[column];
            if (SearchColumns.Names(column) && (_naming.Count == 0 || _naming[^1] != row))
            {
                _naming.Add(row);
            }
        }

        public TermPostings Build() => _filled == _occurrences.Length
            ? new TermPostings(_occurrences, [.. _rows], [.. _weights], [.. _naming], _typeBits)
            : throw new InvalidOperationException($"The term was counted {_occurrences.Length} times and filed {_filled}.");
    }
}
