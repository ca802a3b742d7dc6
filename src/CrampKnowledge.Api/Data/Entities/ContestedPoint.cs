namespace CrampKnowledge.Api.Data.Entities;

/// <summary>A point on which the sources disagree; both sides are kept with their citations.</summary>
public sealed class ContestedPoint
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Topic { get; set; }
    public required string Summary { get; set; }
    public List<ContestedSide> Sides { get; set; } = [];
    public List<ContestedConcern> Concerns { get; set; } = [];
}
