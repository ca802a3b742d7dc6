namespace CrampKnowledge.Api.Data.Entities;

/// <summary>
/// A sourced connection between two records: cause→treatment, cause→prevention, cause→red flag or
/// treatment→caution (a red flag). One entity for all four keeps the link citations in one place.
/// </summary>
public sealed class RecordLink
{
    public int Id { get; set; }
    public LinkKind Kind { get; set; }
    public int FromId { get; set; }
    public KnowledgeRecord From { get; set; } = null!;
    public int ToId { get; set; }
    public KnowledgeRecord To { get; set; } = null!;
    public List<LinkCitation> Citations { get; set; } = [];
}
