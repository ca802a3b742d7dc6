namespace CrampKnowledge.Api.Data.Search;

/// <summary>Where one term occurs: every occurrence, and per row the bm25 weight those occurrences add up to.</summary>
internal sealed class TermPostings(long[] occurrences, int[] rows, float[] rowWeights, int[] namingRows, int typeBits)
{
    /// <summary>Every occurrence (<see cref="SearchIndex.Occurrence"/>), in row, column, position order.</summary>
    public long[] Occurrences { get; } = occurrences;

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

    /// <param name="occurrences">In row, column, position order; kept, not copied.</param>
    public static TermPostings From(long[] occurrences, int[] rowTypeBits)
    {
        var rows = new List<int>();
        var weights = new List<float>();
        var naming = new List<int>();
        var typeBits = 0;
        for (var i = 0; i < occurrences.Length; i++)
        {
            var row = SearchIndex.RowOf(occurrences[i]);
            if (rows.Count == 0 || rows[^1] != row)
            {
                rows.Add(row);
                weights.Add(0f);
                typeBits |= rowTypeBits[row];
            }

            weights[^1] += (float)SearchColumns.Weights[SearchIndex.ColumnOf(occurrences[i])];
            if (SearchColumns.Names(SearchIndex.ColumnOf(occurrences[i])) && (naming.Count == 0 || naming[^1] != row))
            {
                naming.Add(row);
            }
        }

        return new TermPostings(occurrences, [.. rows], [.. weights], [.. naming], typeBits);
    }
}
