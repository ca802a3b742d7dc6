using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using Citation = CrampKnowledge.Api.Contracts.Citation;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>A record as the snapshot query reads it: its list row, its own quotes, and the keys links and contested points use.</summary>
public sealed record RecordRow(int Key, RecordKind Kind, int UrgencyRank, RecordSummary Row, IReadOnlyList<Citation> Citations);
