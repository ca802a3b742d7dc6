using System.Text.RegularExpressions;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// The phrase matcher as it was before it was compiled at load time (commit 8f9818b), kept verbatim
/// as the oracle the differential tests compare the fast one with. Slow on purpose: it tries every
/// phrase at every word with recursive matching, comparing words with <see cref="PhraseMatcher.SameWord"/>.
/// </summary>
internal static partial class ReferencePhraseMatcher
{
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    public static IReadOnlyList<(string Text, int Start, int End)> Words(string text) =>
        WordPattern().Matches(text).Select(m => (m.Value.ToLowerInvariant(), m.Index, m.Index + m.Length)).ToList();

    public static (int Start, int End)? Find(IReadOnlyList<(string Text, int Start, int End)> text, IReadOnlyList<string> phrase)
    {
        for (var start = 0; start < text.Count; start++)
        {
            if (MatchFrom(text, phrase, 0, start) is { } last)
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
