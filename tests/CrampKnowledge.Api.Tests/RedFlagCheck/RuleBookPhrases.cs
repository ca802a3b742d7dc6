using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// The rule book's phrases as the tests read them: the book keeps only each trigger phrase's text (in its rule) and its
/// compiled words, so the words are split here again, by the reference splitting (<see cref="ReferencePhraseSplitting"/>) alone.
/// </summary>
internal static class RuleBookPhrases
{
    /// <summary>Every phrase of every trigger, in the book's order (phrases, then also-phrases), with its compiled words.</summary>
    public static List<(CheckPhrase Phrase, int[] Compiled)> Triggers(RedFlagRuleBook rules) =>
        [.. rules.Entries.SelectMany(e => e.Triggers).SelectMany(t =>
            t.Rule.Phrases.Select(ReferencePhraseSplitting.Phrase).Zip(t.CompiledPhrases)
                .Concat(t.Rule.AlsoPhrases.Select(ReferencePhraseSplitting.Phrase).Zip(t.CompiledAlsoPhrases)))];

    /// <summary>
    /// The phrases' words numbered as the rule book's index numbered them when it kept its phrases (before commit
    /// check-memory-2): each new word the next number in order, <see cref="PhraseIndex.Gap"/> for a gap.
    /// </summary>
    public static List<int[]> ReferenceNumbers(IEnumerable<IReadOnlyList<string>> phrases)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. phrases.Select(words => words
            .Select(word => word == PhraseMatcher.Gap ? PhraseIndex.Gap : numbers.TryAdd(word, numbers.Count) ? numbers.Count - 1 : numbers[word])
            .ToArray())];
    }
}
