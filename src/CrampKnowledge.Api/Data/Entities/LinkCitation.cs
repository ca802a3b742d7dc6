namespace CrampKnowledge.Api.Data.Entities;

public sealed class LinkCitation : Citation
{
    public int LinkId { get; set; }
    public RecordLink Link { get; set; } = null!;
}
