namespace CrampKnowledge.Api.Data.Entities;

/// <summary>
/// What causes, treatments, preventions and red flags share. They live in one table (TPH) so that
/// links, citations and contested points can point at any of them with one foreign key.
/// </summary>
public abstract class KnowledgeRecord
{
    public int Id { get; set; }
    public RecordKind Kind { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Summary { get; set; }
    public required string Category { get; set; }

    /// <summary>Distinct sources among the record's citations, stored because the content is immutable.</summary>
    public int SourceCount { get; set; }

    /// <summary>Everyday words for the record, in seed order: a primitive collection, stored as a JSON array in its row.</summary>
    public List<string> Aliases { get; set; } = [];

    public List<RecordCitation> Citations { get; set; } = [];
    public List<RecordLink> OutgoingLinks { get; set; } = [];
    public List<RecordLink> IncomingLinks { get; set; } = [];
    public List<ContestedConcern> ContestedConcerns { get; set; } = [];
}
