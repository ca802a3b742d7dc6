using System.Text;
using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>One trigger, with its phrases compiled once at start-up.</summary>
internal sealed record RuleBookTrigger(TriggerRule Rule)
{
    // Scratch space a check reuses on its thread (a check runs synchronously), so a matching trigger allocates only its answer.
    [ThreadStatic]
    private static List<(int Start, int End)>? t_spans;

    [ThreadStatic]
    private static List<(int Start, int End)>? t_outermost;

    [ThreadStatic]
    private static StringBuilder? t_text;

    // Rule.Answers as arrays: every check tests them for every trigger, and list interfaces cost a dispatch per item.
    private readonly (string Answer, string[] Values)[] _conditions = [.. Rule.Answers.Select(a => (a.Answer, a.Values.ToArray()))];

    /// <summary>
    /// <see cref="TriggerRule.Phrases"/> as the book's <see cref="PhraseIndex"/> numbers their words, set when the book is built:
    /// looking each phrase up in the index per check cost more than testing it.
    /// </summary>
    public int[][] CompiledPhrases { get; init; } = [];

    /// <summary><see cref="TriggerRule.AlsoPhrases"/> compiled like <see cref="CompiledPhrases"/>.</summary>
    public int[][] CompiledAlsoPhrases { get; init; } = [];

    /// <summary>The reason this trigger gives, or null unless every part of it holds.</summary>
    public RedFlagReason? Check(CheckInput input, FoundPhrases found)
    {
        // Answers first: testing them allocates nothing, and most triggers that name answers fail on them.
        if (!AnswersHold(input))
        {
            return null;
        }

        var spans = t_spans ??= [];
        spans.Clear();
        if (!FindAny(CompiledPhrases, found, spans) || !FindAny(CompiledAlsoPhrases, found, spans))
        {
            return null;
        }

        List<GivenAnswer>? answers = null;
        foreach (var condition in _conditions)
        {
            for (var a = 0; a < input.Answers.Count; a++)
            {
                if (Accepts(condition, input.Answers[a]))
                {
                    (answers ??= new List<GivenAnswer>(_conditions.Length)).Add(input.Answers[a]);
                }
            }
        }

        var phrases = Said(input.Description, spans);
        IReadOnlyList<GivenAnswer> given = answers is null ? [] : answers;
        return new RedFlagReason(Describe(phrases, given), phrases, given, Rule.SeeDoctor, Rule.Trigger, Rule.Basis, Rule.Note);
    }

    /// <summary>
    /// The words of each span once, in the order they were said: "legs hurt when I walk" rather than also
    /// "hurt when I walk" inside it. Loops rather than LINQ because a matching trigger runs this per request;
    /// the order is that of a stable sort by start, as before.
    /// </summary>
    private static List<string> Said(string description, List<(int Start, int End)> spans)
    {
        var outermost = t_outermost ??= [];
        outermost.Clear();
        foreach (var span in spans)
        {
            if (!outermost.Contains(span) && !IsInsideAnother(span, spans))
            {
                var at = outermost.Count;
                while (at > 0 && outermost[at - 1].Start > span.Start)
                {
                    at--;
                }

                outermost.Insert(at, span);
            }
        }

        var said = new List<string>(outermost.Count);
        foreach (var (start, end) in outermost)
        {
            var words = description.AsSpan(start, end - start);
            if (!Contains(said, words))
            {
                said.Add(words.ToString());
            }
        }

        return said;
    }

    private static bool IsInsideAnother((int Start, int End) span, List<(int Start, int End)> spans)
    {
        foreach (var other in spans)
        {
            if (other != span && other.Start <= span.Start && span.End <= other.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(List<string> said, ReadOnlySpan<char> words)
    {
        foreach (var text in said)
        {
            if (words.SequenceEqual(text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the list is empty or one of its phrases occurs; each one that occurs is added to <paramref name="spans"/>.</summary>
    private static bool FindAny(int[][] phrases, FoundPhrases found, List<(int Start, int End)> spans)
    {
        var any = phrases.Length == 0;
        for (var i = 0; i < phrases.Length; i++)
        {
            if (found.Find(phrases[i]) is { } span)
            {
                spans.Add(span);
                any = true;
            }
        }

        return any;
    }

    // Indexed loops over the given answers: foreach over an IReadOnlyList boxes an enumerator, and this runs for every trigger.
    private bool AnswersHold(CheckInput input)
    {
        foreach (var condition in _conditions)
        {
            var held = false;
            for (var a = 0; a < input.Answers.Count && !held; a++)
            {
                held = Accepts(condition, input.Answers[a]);
            }

            if (!held)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Accepts((string Answer, string[] Values) condition, GivenAnswer given) =>
        given.Answer == condition.Answer && Array.IndexOf(condition.Values, given.Value) >= 0;

    /// <summary>"The description says “…”, “…”; how often: often; pain when walking: yes."</summary>
    private static string Describe(List<string> phrases, IReadOnlyList<GivenAnswer> answers)
    {
        var text = t_text ??= new StringBuilder(256);
        text.Clear();
        if (phrases.Count > 0)
        {
            text.Append("the description says ");
            for (var i = 0; i < phrases.Count; i++)
            {
                text.Append(i == 0 ? "" : ", ").Append('“').Append(phrases[i]).Append('”');
            }
        }

        // One part per answer name, in the order the names first appear, listing all its values.
        for (var i = 0; i < answers.Count; i++)
        {
            var name = answers[i].Answer;
            if (NamedBefore(answers, i))
            {
                continue;
            }

            text.Append(text.Length == 0 ? "" : "; ").Append(CheckAnswers.Find(name)?.Label ?? name).Append(": ");
            for (var j = i; j < answers.Count; j++)
            {
                if (answers[j].Answer == name)
                {
                    text.Append(j == i ? "" : ", ").Append(Show(answers[j]));
                }
            }
        }

        text[0] = char.ToUpperInvariant(text[0]);
        return text.Append('.').ToString();
    }

    private static bool NamedBefore(IReadOnlyList<GivenAnswer> answers, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (answers[i].Answer == answers[index].Answer)
            {
                return true;
            }
        }

        return false;
    }

    private static string Show(GivenAnswer answer) => answer switch
    {
        { Value: "true", Name: null } => "yes",
        { Word: { } word, Name: { } name } when !word.Equals(name, StringComparison.OrdinalIgnoreCase) => $"“{word}” ({name})",
        { Name: { } name } => name,
        // A choice read from the description: the person's words, then what they were read as.
        { Word: { } word } => $"“{word}” ({answer.Value})",
        _ => answer.Value,
    };
}
