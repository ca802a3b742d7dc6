using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>One trigger, with its phrases split into words once at start-up.</summary>
internal sealed record RuleBookTrigger(TriggerRule Rule, IReadOnlyList<CheckPhrase> Phrases, IReadOnlyList<CheckPhrase> AlsoPhrases)
{
    /// <summary>The reason this trigger gives, or null unless every part of it holds.</summary>
    public RedFlagReason? Check(CheckInput input, IReadOnlyList<TextWord> words)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var list in new[] { Phrases, AlsoPhrases }.Where(p => p.Count > 0))
        {
            var found = list.Select(p => PhraseMatcher.Find(words, p.Words)).OfType<(int Start, int End)>().ToList();
            if (found.Count == 0)
            {
                return null;
            }

            spans.AddRange(found);
        }

        var answers = new List<GivenAnswer>();
        foreach (var condition in Rule.Answers)
        {
            var given = input.Answers.Where(a => a.Answer == condition.Answer && condition.Values.Contains(a.Value)).ToList();
            if (given.Count == 0)
            {
                return null;
            }

            answers.AddRange(given);
        }

        // Report what was said once: "legs hurt when I walk" rather than also "hurt when I walk" inside it.
        var phrases = spans
            .Where(s => !spans.Any(o => o != s && o.Start <= s.Start && s.End <= o.End))
            .Distinct()
            .OrderBy(s => s.Start)
            .Select(s => input.Description[s.Start..s.End])
            .Distinct()
            .ToList();
        return new RedFlagReason(Describe(phrases, answers), phrases, answers, Rule.SeeDoctor, Rule.Trigger, Rule.Basis, Rule.Note);
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
        _ => answer.Value,
    };
}
