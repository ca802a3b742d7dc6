using System.Text.RegularExpressions;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// The phrase matcher as it was before it was compiled at load time (commit 8f9818b), kept verbatim
/// as the oracle the differential tests compare the fast one with. Slow on purpose: it tries every
/// phrase at every word with recursive matching, comparing words with <see cref="PhraseMatcher.SameWord"/>;
/// since descriptions are read with negation, an occurrence a cue negates is skipped (<see cref="ReferenceNegation"/>).
/// </summary>
internal static partial class ReferencePhraseMatcher
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    public static IReadOnlyList<(string Text, int Start, int End)> Words(string text) =>
        WordPattern().Matches(text).Select(m => (m.Value.ToLowerInvariant(), m.Index, m.Index + m.Length)).ToList();

    /// <summary>
    /// The first occurrence whose words no cue standing before it negates (<paramref name="negatedBy"/>, from
    /// <see cref="ReferenceNegation.NegatedBy"/>); without it, the first occurrence as before negation was read.
    /// </summary>
    public static (int Start, int End)? Find(IReadOnlyList<(string Text, int Start, int End)> text, IReadOnlyList<string> phrase, int[]? negatedBy = null)
    {
        // A phrase that says a cue itself ("never goes away") is negated only by a cue before it; any other by a cue in its gaps too.
        var ownCue = phrase.Any(word => NegationCues.Cues.Any(c => c == word || (c.EndsWith("n't", StringComparison.Ordinal) && c[..^3] + "n" == word)));
        for (var start = 0; start < text.Count; start++)
        {
            if (MatchFrom(text, phrase, 0, start) is { } last
                && (negatedBy is null || !Enumerable.Range(start, last - start + 1).Any(w => negatedBy[w] == ReferenceNegation.NegatedAfter || (negatedBy[w] >= 0 && (negatedBy[w] < start || !ownCue)))))
            {
                return (text[start].Start, text[last].End);
            }
        }

        return null;
    }

    private static int? MatchFrom(IReadOnlyList<(string Text, int Start, int End)> text, IReadOnlyList<string> phrase, int p, int w)
    {
        if (phrase[p] == PhraseMatcher.Gap)
        {
            for (var skip = 0; skip <= PhraseMatcher.MaxGapWords && w + skip < text.Count; skip++)
            {
                if (MatchFrom(text, phrase, p + 1, w + skip) is { } last)
                {
                    return last;
                }
            }

            return null;
        }

        if (w >= text.Count || !PhraseMatcher.SameWord(text[w].Text, phrase[p]))
        {
            return null;
        }

        return p == phrase.Count - 1 ? w : MatchFrom(text, phrase, p + 1, w + 1);
    }
}
