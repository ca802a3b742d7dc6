namespace CrampKnowledge.Api.Data.Entities;

public sealed class RecordCitation : Citation
{
    public int RecordId { get; set; }
    public KnowledgeRecord Record { get; set; } = null!;
}
