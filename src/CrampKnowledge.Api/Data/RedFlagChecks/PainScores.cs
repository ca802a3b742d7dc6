using System.Text.RegularExpressions;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Pain scores in a description: "a 9 out of 10", "8/10", "seven out of ten", "2 of 10". The articles give no pain scale,
/// so the check cannot say which score is severe, and it never reads one as ordinary words: "the pain was a 9 out of 10"
/// answered none, every word of it understood. Its words are unassessed (<see cref="CheckVocabulary"/>), so the answer is
/// unknown and names the score. Not a share of nights or days ("3 out of 10 nights" is how often, read by the time phrases).
/// </summary>
internal static partial class PainScores
{
    // Every score ends in ten: a description without "10" or "ten" is not searched at all (most of them).
    public static Regex.ValueMatchEnumerator In(string description) =>
        Pattern().EnumerateMatches(description.Contains("10", StringComparison.Ordinal) || description.Contains("ten", StringComparison.OrdinalIgnoreCase)
            ? description
            : string.Empty);

    [GeneratedRegex(
        @"\b(?:\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s*/\s*|\s+(?:out\s+)?of\s+)(?:10|ten)\b(?![\s\p{P}]*(?:nights?|days?|times?|evenings?|mornings?)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
