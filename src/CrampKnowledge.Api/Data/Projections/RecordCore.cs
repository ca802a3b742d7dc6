using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.Projections;

/// <summary>What every record detail shares, read in one query; <c>Key</c> is the row id for follow-up queries.</summary>
internal sealed record RecordCore(
    int Key, string Id, string Name, string Summary, string Category, string? Urgency,
    IReadOnlyList<string> Aliases, int SourceCount, IReadOnlyList<Citation> Citations, IReadOnlyList<ContestedNote> Contested);
