namespace CrampKnowledge.Api.Data.Entities;

/// <summary>A term of a controlled vocabulary: a category of one record kind, an urgency, a certainty or a source kind.</summary>
public sealed class VocabularyTerm
{
    public required string Vocabulary { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public int Rank { get; set; }
    public int Position { get; set; }
}
