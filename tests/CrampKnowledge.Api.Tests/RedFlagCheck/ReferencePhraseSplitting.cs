using System.Text.RegularExpressions;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// PhraseMatcher.PhraseWords as it was before it scanned spans (<see cref="PhraseMatcher.NextWord"/>), kept verbatim as the
/// oracle for splitting: a regex, and a lower-cased string per word. The other references split their phrases here, so
/// they do not share the code they check.
/// </summary>
internal static partial class ReferencePhraseSplitting
{
    [GeneratedRegex(@"[\p{L}\p{N}]+|\.\.\.|…")]
    private static partial Regex PhrasePattern();

    public static IReadOnlyList<string> Words(string phrase) =>
        PhrasePattern().Matches(phrase).Select(m => m.Value == "…" ? PhraseMatcher.Gap : m.Value.ToLowerInvariant()).ToList();

    /// <summary>What <see cref="CheckPhrase.From"/> gave: the text with these words.</summary>
    public static CheckPhrase Phrase(string text) => new(text, Words(text));
}
