using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using Citation = CrampKnowledge.Api.Contracts.Citation;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>A cause, treatment, prevention or red flag with everything its list row, detail and sub-resources show.</summary>
public sealed class SnapshotRecord
{
    public required int Key { get; init; }
    public required RecordKind Kind { get; init; }
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Summary { get; init; }
    public required string Category { get; init; }
    public required string? Urgency { get; init; }
    public required int UrgencyRank { get; init; }
    public required IReadOnlyList<string> Aliases { get; init; }
    public required int SourceCount { get; init; }
    public required IReadOnlyList<Citation> Citations { get; init; }
    public required IReadOnlyList<ContestedNote> Contested { get; init; }

    /// <summary>Name, then aliases, as SQLite's <c>lower()</c> gives them: for the <c>q</c> filter, and the name as a NOCASE sort key.</summary>
    public required IReadOnlyList<string> LowerWords { get; init; }

    /// <summary>The list row; immutable, so every list shares one instance.</summary>
    public required RecordSummary Row { get; init; }

    /// <summary>Records this one links to (a cause's treatments), ordered by name.</summary>
    public required IReadOnlyDictionary<LinkKind, IReadOnlyList<RelatedRecord>> Outgoing { get; init; }

    /// <summary>Records that link to this one (a treatment's causes), ordered by name.</summary>
    public required IReadOnlyDictionary<LinkKind, IReadOnlyList<RelatedRecord>> Incoming { get; init; }

    public IReadOnlyList<RelatedRecord> LinkedFrom(LinkKind kind) => Outgoing.GetValueOrDefault(kind) ?? [];

    public IReadOnlyList<RelatedRecord> LinkedTo(LinkKind kind) => Incoming.GetValueOrDefault(kind) ?? [];

    public bool IsCitedBy(string sourceId)
    {
        foreach (var citation in Citations)
        {
            if (citation.Source == sourceId)
            {
                return true;
            }
        }

        return false;
    }
}
