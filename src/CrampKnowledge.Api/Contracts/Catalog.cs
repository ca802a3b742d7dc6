namespace CrampKnowledge.Api.Contracts;

/// <summary>The entry point: what content version is served, how much of it there is, and where.</summary>
public sealed record ApiIndex(
    string Name, string ContentVersion, ContentCounts Counts, IReadOnlyDictionary<string, string> Links, string Disclaimer);

public sealed record ContentCounts(int Causes, int Treatments, int Preventions, int RedFlags, int Sources, int Links, int Citations, int ContestedPoints);

/// <summary>One term of a controlled vocabulary; <c>count</c> is how many records use it.</summary>
public sealed record VocabularyEntry(string Id, string Name, string Description, int Count);

/// <summary>Every vocabulary a client needs to build filters.</summary>
public sealed record CategoriesResponse(
    IReadOnlyList<VocabularyEntry> Causes, IReadOnlyList<VocabularyEntry> Treatments,
    IReadOnlyList<VocabularyEntry> Preventions, IReadOnlyList<VocabularyEntry> RedFlags,
    IReadOnlyList<VocabularyEntry> SourceKinds, IReadOnlyList<VocabularyEntry> Urgencies,
    IReadOnlyList<VocabularyEntry> Certainties, string Disclaimer);
