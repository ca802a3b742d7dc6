using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// A record or source as the index holds it: the columns the FTS5 table had (type and slug not
/// indexed; name, aliases, summary, quotes), and its place in the FTS5 rowid order that breaks ties.
/// </summary>
internal sealed class IndexedRow
{
    public required int Number { get; init; }
    public required string Type { get; init; }

    /// <summary>The type as a bit of <see cref="SearchColumns.TypeMask"/>, to filter without comparing strings.</summary>
    public required int TypeBit { get; init; }
    public required string Id { get; init; }
    public required SnapshotRecord? Record { get; init; }
    public required SnapshotSource? Source { get; init; }

    /// <summary>By <see cref="SearchColumns"/> index; the unindexed type and slug columns hold no tokens.</summary>
    public required IndexedColumn[] Columns { get; init; }

    /// <summary>Tokens over all columns: bm25's document length.</summary>
    public required int TokenCount { get; init; }
}
