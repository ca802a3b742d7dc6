namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Splits the phrases of one load into words (<see cref="PhraseMatcher.PhraseWords"/>) once per text, for
/// <see cref="PhraseIndex.Compile"/>; held only while the rule book or the check vocabulary is built. At 100 times today's content the rule book's
/// 41,781 trigger phrases are 24,194 texts of 4,295 words.
/// </summary>
internal sealed class PhraseWordsCache
{
    private readonly Dictionary<string, IReadOnlyList<string>> _words = new(StringComparer.Ordinal);

    /// <summary>The text's words as <see cref="CheckPhrase.From"/> splits them; the same list for the same text.</summary>
    public IReadOnlyList<string> Of(string text) =>
        _words.TryGetValue(text, out var words) ? words : _words[text] = PhraseMatcher.PhraseWords(text);
}
