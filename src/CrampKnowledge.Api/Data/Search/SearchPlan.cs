namespace CrampKnowledge.Api.Data.Search;

/// <summary>What a user's words were turned into: the terms looked up and the FTS5 query that does it.</summary>
/// <param name="Words">The user's own significant words, lower-cased.</param>
/// <param name="Terms">Every term searched, the user's words first, then what synonyms added.</param>
/// <param name="FtsQuery">An FTS5 MATCH expression built only from quoted letter-and-digit tokens, so no user input is ever FTS syntax.</param>
public sealed record SearchPlan(IReadOnlyList<string> Words, IReadOnlyList<string> Terms, string FtsQuery);
