namespace CrampKnowledge.Api.Data.Entities;

/// <summary>
/// A verbatim quote from a source backing a record, a link or one side of a contested point.
/// The three owners share one table (TPH), so one projection serves every citation.
/// </summary>
public abstract class Citation
{
    public int Id { get; set; }
    public string SourceId { get; set; } = "";
    public Source Source { get; set; } = null!;
    public int Position { get; set; }
    public string Quote { get; set; } = "";
    public string Certainty { get; set; } = "";
    public string CertaintyPhrase { get; set; } = "";
}
