using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>What <see cref="KnowledgeSearch.Answer"/> found: the hits, and the question's words that match nothing.</summary>
public sealed record SearchAnswer(IReadOnlyList<SearchHit> Hits, IReadOnlyList<string> UnmatchedTerms);
