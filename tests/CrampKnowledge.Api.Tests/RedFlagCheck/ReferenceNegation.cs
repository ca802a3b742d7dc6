using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// NegEx over a description, written independently of FoundPhrases as the oracle for the differential tests:
/// contractions are first glued back into tokens ("don" ' "t" → "don't"), then each cue token's scope is walked
/// token by token. Only the tables (<see cref="NegationCues"/>) are shared: they are the specification.
/// </summary>
internal static class ReferenceNegation
{
    /// <summary>Marks a word a cue after it denies.</summary>
    public const int NegatedAfter = -2;

    /// <summary>For each word of <see cref="ReferencePhraseMatcher.Words"/>, the index of the first word of the earliest cue whose scope covers it, <see cref="NegatedAfter"/>, or -1.</summary>
    public static int[] NegatedBy(string text, IReadOnlyList<(string Text, int Start, int End)> words)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < words.Count; i++)
        {
            var gap = text[(i == 0 ? 0 : words[i - 1].End)..words[i].Start];
            if (tokens.Count > 0 && gap is "'" or "\u2019" && NegationCues.ContractionTails.Contains(words[i].Text))
            {
                tokens[^1] = tokens[^1] with { Text = tokens[^1].Text + "'" + words[i].Text, Last = i };
            }
            else
            {
                tokens.Add(new Token(words[i].Text, i, i, gap.Any(NegationCues.ClauseBreaks.Contains), gap.Any(NegationCues.AnswerMarks.Contains)));
            }
        }

        var negatedBy = Enumerable.Repeat(-1, words.Count).ToArray();
        for (var t = 0; t < tokens.Count; t++)
        {
            // "Don't" as one token; "no's" is the cue "no" with a tail of its own; "don't't" is the cue "don't" with a second tail
            // (the tails are part of the word before, so the cue is its first word and first tail).
            var cue = CueSpelled(tokens[t].Text)
                ?? (tokens[t].Last > tokens[t].First ? CueSpelled(words[tokens[t].First].Text + "'" + words[tokens[t].First + 1].Text) : null)
                ?? CueSpelled(words[tokens[t].First].Text);
            if (cue is null || IsPseudo(cue, tokens, t, words))
            {
                continue;
            }

            if (tokens[t].AnswerBefore && (t + 1 == tokens.Count || tokens[t + 1].BreakBefore))
            {
                // A stand-alone answer to a question or label denies the clause before it.
                for (var k = 1; t - k >= 0 && k <= NegationCues.WindowWords; k++)
                {
                    foreach (var w in Enumerable.Range(tokens[t - k].First, tokens[t - k].Last - tokens[t - k].First + 1))
                    {
                        negatedBy[w] = negatedBy[w] < 0 ? NegatedAfter : negatedBy[w];
                    }

                    if (tokens[t - k].BreakBefore)
                    {
                        break;
                    }
                }

                continue;
            }

            for (var k = 1; t + k < tokens.Count && k <= NegationCues.WindowWords; k++)
            {
                var token = tokens[t + k];
                var first = words[token.First].Text;
                if (token.BreakBefore || NegationCues.Terminators.Contains(first) || (first == "and" && t + k + 1 < tokens.Count
                    && !tokens[t + k + 1].BreakBefore && NegationCues.ClauseOpeners.Contains(words[tokens[t + k + 1].First].Text)))
                {
                    break;
                }

                for (var w = token.First; w <= token.Last; w++)
                {
                    negatedBy[w] = negatedBy[w] < 0 ? tokens[t].First : negatedBy[w];
                }
            }
        }

        return negatedBy;
    }

    private static string? CueSpelled(string text) =>
        NegationCues.Cues.FirstOrDefault(c => c == text || c.Replace("'", "", StringComparison.Ordinal) == text);

    private static bool IsPseudo(string cue, List<Token> tokens, int t, IReadOnlyList<(string Text, int Start, int End)> words) =>
        NegationCues.PseudoNegations
            .Where(p => p.StartsWith(cue + " ", StringComparison.Ordinal))
            .Select(p => p[(cue.Length + 1)..].Split(' '))
            .Any(rest => t + rest.Length < tokens.Count
                && rest.Select((word, i) => !tokens[t + 1 + i].BreakBefore && words[tokens[t + 1 + i].First].Text == word).All(x => x));

    private sealed record Token(string Text, int First, int Last, bool BreakBefore, bool AnswerBefore);
}
