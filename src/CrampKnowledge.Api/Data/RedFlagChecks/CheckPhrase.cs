namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>A rule phrase as written, and its words as <see cref="PhraseMatcher"/> compares them.</summary>
internal sealed record CheckPhrase(string Text, IReadOnlyList<string> Words)
{
    public static CheckPhrase From(string text) => new(text, PhraseMatcher.PhraseWords(text));
}
