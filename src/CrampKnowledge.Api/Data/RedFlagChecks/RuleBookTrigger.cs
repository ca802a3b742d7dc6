using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>One trigger, with its phrases split into words once at start-up.</summary>
internal sealed record RuleBookTrigger(TriggerRule Rule, IReadOnlyList<CheckPhrase> Phrases, IReadOnlyList<CheckPhrase> AlsoPhrases)
{
    /// <summary>The reason this trigger gives, or null unless every part of it holds.</summary>
    public RedFlagReason? Check(CheckInput input, FoundPhrases found)
    {
        // Answers first: testing them allocates nothing, and most triggers that name answers fail on them.
        if (!AnswersHold(input))
        {
            return null;
        }

        List<(int Start, int End)>? spans = null;
        if (!FindAny(Phrases, found, ref spans) || !FindAny(AlsoPhrases, found, ref spans))
        {
            return null;
        }

        spans ??= [];
        var answers = new List<GivenAnswer>();
        foreach (var condition in Rule.Answers)
        {
            answers.AddRange(input.Answers.Where(a => Accepts(condition, a)));
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

    /// <summary>True when the list is empty or one of its phrases occurs; each one that occurs is added to <paramref name="spans"/>.</summary>
    private static bool FindAny(IReadOnlyList<CheckPhrase> phrases, FoundPhrases found, ref List<(int Start, int End)>? spans)
    {
        var any = phrases.Count == 0;
        for (var i = 0; i < phrases.Count; i++)
        {
            if (found.Find(phrases[i]) is { } span)
            {
                (spans ??= []).Add(span);
                any = true;
            }
        }

        return any;
    }

    // Indexed loops here and in FindAny: foreach over an IReadOnlyList boxes an enumerator, and this runs for every trigger.
    private bool AnswersHold(CheckInput input)
    {
        for (var c = 0; c < Rule.Answers.Count; c++)
        {
            var held = false;
            for (var a = 0; a < input.Answers.Count && !held; a++)
            {
                held = Accepts(Rule.Answers[c], input.Answers[a]);
            }

            if (!held)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Accepts(AnswerCondition condition, GivenAnswer given) =>
        given.Answer == condition.Answer && condition.Values.Contains(given.Value);

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
