namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// One alternative of a search: words that must stand side by side in one column, the last of them
/// matched as a prefix when <paramref name="IsPrefix"/> is set. The text is letters, digits and spaces only.
/// </summary>
public readonly record struct SearchPhrase(string Text, bool IsPrefix);
