namespace CrampKnowledge.Api.Data.Entities;

/// <summary>An everyday word for a record. A table of its own because EF Core 6 has no primitive collections.</summary>
public sealed class RecordAlias
{
    public int Id { get; set; }
    public int RecordId { get; set; }
    public KnowledgeRecord Record { get; set; } = null!;
    public int Position { get; set; }
    public required string Text { get; set; }
}
