namespace CrampKnowledge.Api.Data.Entities;

public sealed class RedFlag : KnowledgeRecord
{
    public required string Urgency { get; set; }
    public int UrgencyRank { get; set; }
}
