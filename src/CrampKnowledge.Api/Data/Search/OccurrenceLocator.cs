namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// The row and column of one term's occurrences (<see cref="TermPostings.Occurrences"/>), asked in ascending order: it
/// steps through the term's own rows (<see cref="TermPostings.Rows"/>), so a walk over the term costs one step per row
/// it is in, where a binary search over every row would cost about 14 at 100x content.
/// </summary>
internal struct OccurrenceLocator(int[] columnStarts, int[] rows)
{
    private int _at;

    /// <summary>The row and column of <paramref name="occurrence"/>; no smaller occurrence of the term may be asked after it.</summary>
    public (int Row, int Column) Locate(int occurrence)
    {
        var at = _at;
        while (at + 1 < rows.Length && columnStarts[(rows[at + 1] * SearchColumns.Count) + SearchColumns.Name] <= occurrence)
        {
            at++;
        }

        _at = at;
        return (rows[at], ColumnOf(columnStarts, rows[at], occurrence));
    }

    /// <summary>The indexed column of <paramref name="row"/> that holds <paramref name="occurrence"/>: the last that starts at or before it.</summary>
    public static int ColumnOf(int[] columnStarts, int row, int occurrence)
    {
        var first = row * SearchColumns.Count;
        var column = SearchColumns.Count - 1;
        while (column > SearchColumns.Name && columnStarts[first + column] > occurrence)
        {
            column--;
        }

        return column;
    }
}
