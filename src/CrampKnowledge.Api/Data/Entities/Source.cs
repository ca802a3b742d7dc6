namespace CrampKnowledge.Api.Data.Entities;

/// <summary>One of the source articles, with its unedited text.</summary>
public sealed class Source
{
    public required string Id { get; set; }
    public required string FileName { get; set; }
    public required string Title { get; set; }
    public string? Publisher { get; set; }
    public required string Kind { get; set; }
    public required string Summary { get; set; }
    public required string Sha256 { get; set; }
    public required string Text { get; set; }

    /// <summary>The order of seed-data/sources.json, which lists and the search index keep.</summary>
    public int Position { get; set; }

    public List<Citation> Citations { get; set; } = [];
}
