using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>A contested point as the snapshot query reads it, with the keys of the records it concerns.</summary>
public sealed record ContestedRow(ContestedNote Note, IReadOnlyList<int> RecordKeys);
