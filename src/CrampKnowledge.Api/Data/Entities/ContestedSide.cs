namespace CrampKnowledge.Api.Data.Entities;

public sealed class ContestedSide
{
    public int Id { get; set; }
    public int PointId { get; set; }
    public ContestedPoint Point { get; set; } = null!;
    public int Position { get; set; }
    public required string Stance { get; set; }
    public List<ContestedSideCitation> Citations { get; set; } = [];
}
