using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using Citation = CrampKnowledge.Api.Contracts.Citation;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>A sourced connection between two records, with the quotes that make it and, where no quote names both ends, the curator's basis.</summary>
public sealed record SnapshotLink(int Key, LinkKind Kind, SnapshotRecord From, SnapshotRecord To, IReadOnlyList<Citation> Citations, string? Basis = null);
