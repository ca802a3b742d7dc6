namespace CrampKnowledge.Api.Data.Entities;

public sealed class ContestedSideCitation : Citation
{
    public int SideId { get; set; }
    public ContestedSide Side { get; set; } = null!;
}
