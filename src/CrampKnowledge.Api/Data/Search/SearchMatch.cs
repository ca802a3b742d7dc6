namespace CrampKnowledge.Api.Data.Search;

/// <summary>A row the full-text index returns: which record matched, how well, and where.</summary>
public sealed class SearchMatch
{
    public string Type { get; set; } = "";
    public string Slug { get; set; } = "";
    public double Score { get; set; }
    public string Snippet { get; set; } = "";
}
