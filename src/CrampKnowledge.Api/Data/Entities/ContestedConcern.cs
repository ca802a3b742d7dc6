namespace CrampKnowledge.Api.Data.Entities;

/// <summary>Which records a contested point is about, so the point shows on each of them.</summary>
public sealed class ContestedConcern
{
    public int PointId { get; set; }
    public ContestedPoint Point { get; set; } = null!;
    public int RecordId { get; set; }
    public KnowledgeRecord Record { get; set; } = null!;
}
