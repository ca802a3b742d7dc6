using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// RedFlagRuleBook.Check, RuleBookEntry.Check and RuleBookTrigger.Check as they were before the rule
/// book was compiled at load time (commit 8f9818b), over the same loaded rules: the oracle for whole answers.
/// Phrases are now found with negation (<see cref="ReferenceNegation"/>), and a choice read from the description shows its words.
/// </summary>
internal static class ReferenceRuleBookCheck
{
    public static IReadOnlyList<RedFlagMatch> Check(RedFlagRuleBook rules, CheckInput input)
    {
        var words = ReferencePhraseMatcher.Words(input.Description);
        var negatedBy = ReferenceNegation.NegatedBy(input.Description, words);
        return rules.Entries
            .Select(e => (Entry: e, Match: Check(e, input, words, negatedBy)))
            .Where(m => m.Match is not null)
            .OrderByDescending(m => SeeDoctorLevels.Rank(m.Match!.SeeDoctor))
            .ThenByDescending(m => m.Entry.UrgencyRank)
            .ThenBy(m => m.Entry.Name, StringComparer.Ordinal)
            .Select(m => m.Match!)
            .ToList();
    }

    private static RedFlagMatch? Check(RuleBookEntry entry, CheckInput input, IReadOnlyList<(string Text, int Start, int End)> words, int[] negatedBy)
    {
        var reasons = entry.Triggers
            .Select(t => Check(t, input, words, negatedBy))
            .OfType<RedFlagReason>()
            .OrderByDescending(r => SeeDoctorLevels.Rank(r.SeeDoctor))
            .ThenBy(r => r.Trigger)
            .ToList();
        return reasons.Count == 0
            ? null
            : new RedFlagMatch(entry.Id, entry.Name, entry.Urgency, entry.Summary, reasons[0].SeeDoctor, reasons, entry.Citations);
    }

    private static RedFlagReason? Check(RuleBookTrigger trigger, CheckInput input, IReadOnlyList<(string Text, int Start, int End)> words, int[] negatedBy)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var list in new[] { trigger.Rule.Phrases, trigger.Rule.AlsoPhrases }.Select(p => p.Select(ReferencePhraseSplitting.Phrase).ToList()).Where(p => p.Count > 0))
        {
            var found = list.Select(p => ReferencePhraseMatcher.Find(words, p.Words, negatedBy)).OfType<(int Start, int End)>().ToList();
            if (found.Count == 0)
            {
                return null;
            }

            spans.AddRange(found);
        }

        var answers = new List<GivenAnswer>();
        foreach (var condition in trigger.Rule.Answers)
        {
            var given = input.Answers.Where(a => a.Answer == condition.Answer && condition.Values.Contains(a.Value)).ToList();
            if (given.Count == 0)
            {
                return null;
            }

            answers.AddRange(given);
        }

        var phrases = spans
            .Where(s => !spans.Any(o => o != s && o.Start <= s.Start && s.End <= o.End))
            .Distinct()
            .OrderBy(s => s.Start)
            .Select(s => input.Description[s.Start..s.End])
            .Distinct()
            .ToList();
        return new RedFlagReason(Describe(phrases, answers), phrases, answers, trigger.Rule.SeeDoctor, trigger.Rule.Trigger, trigger.Rule.Basis, trigger.Rule.Note);
    }

    private static string Describe(List<string> phrases, List<GivenAnswer> answers)
    {
        var parts = new List<string>();
        if (phrases.Count > 0)
        {
            parts.Add("the description says " + string.Join(", ", phrases.Select(p => $"“{p}”")));
        }

        parts.AddRange(answers.GroupBy(a => a.Answer).Select(g => $"{CheckAnswers.Find(g.Key)?.Label ?? g.Key}: {string.Join(", ", g.Select(Show))}"));
        var text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    private static string Show(GivenAnswer answer) => answer switch
    {
        { Value: "true", Name: null } => "yes",
        { Word: { } word, Name: { } name } when !word.Equals(name, StringComparison.OrdinalIgnoreCase) => $"“{word}” ({name})",
        { Name: { } name } => name,
        { Word: { } word } => $"“{word}” ({answer.Value})",
        _ => answer.Value,
    };
}
