namespace CrampKnowledge.Api.Data.Entities;

/// <summary>The single row that says which seed content and schema the database file was built from.</summary>
public sealed class ContentInfo
{
    public int Id { get; set; }
    public required string ContentVersion { get; set; }
    public int SchemaVersion { get; set; }
    public DateTime BuiltAtUtc { get; set; }
}
