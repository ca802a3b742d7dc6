namespace CrampKnowledge.Api.Data.Entities;

/// <summary>An everyday word or phrase that search also looks up as one of the knowledge base's terms.</summary>
public sealed class Synonym
{
    public int Id { get; set; }
    public required string Phrase { get; set; }
    public required string Means { get; set; }
}
