namespace CrampKnowledge.Api.Data.Search;

/// <summary>What a user's words were turned into: the terms looked up and the phrases any of which a hit contains.</summary>
/// <param name="Words">The user's own significant words, lower-cased.</param>
/// <param name="Terms">Every term searched, the user's words first, then what synonyms added.</param>
/// <param name="Phrases">The alternatives searched for, each distinct, in the order their bm25 terms add up.</param>
public sealed record SearchPlan(IReadOnlyList<string> Words, IReadOnlyList<string> Terms, IReadOnlyList<SearchPhrase> Phrases);
