using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using Citation = CrampKnowledge.Api.Contracts.Citation;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>A link as the snapshot query reads it: the record keys at its ends, its quotes and its basis.</summary>
public sealed record LinkRow(int Key, LinkKind Kind, int FromId, int ToId, string? Basis, IReadOnlyList<Citation> Citations);
