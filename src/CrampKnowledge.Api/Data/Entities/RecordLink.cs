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

    /// <summary>Why the quotes connect the two ends, when no quote names both; null when one does.</summary>
    public string? Basis { get; set; }
    public List<LinkCitation> Citations { get; set; } = [];
}
