namespace CrampKnowledge.Api.Data.Search;

/// <summary>The columns of the index, numbered as the FTS5 table numbered them, and their bm25 weights.</summary>
internal static class SearchColumns
{
    public const int Type = 0;
    public const int Slug = 1;
    public const int Name = 2;
    public const int Aliases = 3;
    public const int Summary = 4;
    public const int Quotes = 5;
    public const int Count = 6;

    /// <summary>Type and slug are not indexed; names and aliases outrank summaries and quotes.</summary>
    public static ReadOnlySpan<double> Weights => [0.0, 0.0, 10.0, 8.0, 3.0, 1.0];

    /// <summary>True for the columns that name a record: its name and aliases (a source's title and publisher).</summary>
    public static bool Names(int column) => column is Name or Aliases;

    /// <summary>One bit per wire type (<see cref="Contracts.SearchQuery.KnownTypes"/>), for a type filter as a mask.</summary>
    public static int TypeBit(string type)
    {
        var known = Contracts.SearchQuery.KnownTypes;
        for (var i = 0; i < known.Count; i++)
        {
            if (known[i] == type)
            {
                return 1 << i;
            }
        }

        return 0;
    }

    public static int TypeMask(IReadOnlyList<string> types)
    {
        var mask = 0;
        for (var i = 0; i < types.Count; i++)
        {
            mask |= TypeBit(types[i]);
        }

        return mask;
    }
}
