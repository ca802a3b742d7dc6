using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>A source article: its list row and detail (with the full text) built once, plus what filters need.</summary>
public sealed record SnapshotSource(
    string Id, string Title, string? Publisher, string Kind, int CitationCount, SourceSummary Row, SourceDetail Detail)
{
    /// <summary>Title, then publisher, as SQLite's <c>lower()</c> gives them: for the <c>q</c> filter, and the title as a NOCASE sort key.</summary>
    public IReadOnlyList<string> LowerWords { get; } = Publisher is null
        ? [SqliteText.LowerAscii(Title)]
        : [SqliteText.LowerAscii(Title), SqliteText.LowerAscii(Publisher)];
}
