using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// <see cref="DescribedAnswers"/> as it was before its mentions were filed by adjacent words (commit 6a20a19): every
/// mention of every record is looked for in every description. The oracle for the answers a description gives itself.
/// </summary>
internal sealed class ReferenceDescribedAnswers
{
    private readonly (TimePhrase Phrase, int[] Words)[] _times;
    private readonly (RecordMention Mention, int[] Words)[] _mentions;

    /// <summary>The phrases with their words as the rule book compiled them (<see cref="DescribedAnswers.Times"/>, <see cref="DescribedAnswers.Mentions"/>).</summary>
    public ReferenceDescribedAnswers(IReadOnlyList<(TimePhrase Phrase, int[] Words)> times, IReadOnlyList<(RecordMention Mention, int[] Words)> mentions)
    {
        _times = [.. times];
        _mentions = [.. mentions];
    }

    /// <summary>
    /// The input with what the description says added: each answer as a <see cref="GivenAnswer"/> whose
    /// <c>Word</c> is the words read, and each named record in <c>Recognized</c>. An answer the request already
    /// gives with the same value is not repeated; a different value is added, as both were said.
    /// </summary>
    public CheckInput AddTo(CheckInput input, FoundPhrases found)
    {
        List<Said>? said = null;
        for (var i = 0; i < _times.Length; i++)
        {
            var (phrase, words) = _times[i];
            if (found.FindAnyWords(words) is not { } any)
            {
                continue;
            }

            // A negated occurrence still outdoes the shorter phrases inside it: in "never had a cramp that lasted for
            // hours" the cue reaches "lasted" but "for hours" lies past its window.
            var at = any.Negated ? found.FindWords(words) : (any.First, any.Last);
            if (any.Negated)
            {
                (said ??= []).Add(new Said(phrase.Answer, "", any.First, any.Last, null) { Negated = true });
            }

            if (at is { } w && !Guarded(found, phrase, w.First, w.Last))
            {
                (said ??= []).Add(new Said(phrase.Answer, phrase.ValueFor(LargestNumber(found, w.First, w.Last), SmallestNumber(found, w.First, w.Last)), w.First, w.Last, null));
            }
        }

        for (var i = 0; i < _mentions.Length; i++)
        {
            var (mention, words) = _mentions[i];
            if (found.FindWords(words) is { } at)
            {
                (said ??= []).Add(new Said(mention.Answer, mention.Id, at.First, at.Last, mention));
            }
        }

        if (said is null)
        {
            return input;
        }

        var answers = new List<GivenAnswer>(input.Answers);
        var recognized = new List<RecognizedWord>(input.Recognized);
        foreach (var s in said)
        {
            if (s.Negated || IsOutdone(s, said) || Has(answers, s.Answer, s.Value) || IsAboutANamedRecord(s, said))
            {
                continue;
            }

            var words = found.Description[found.Word(s.First).Start..found.Word(s.Last).End];
            answers.Add(new GivenAnswer(s.Answer, s.Value, words, s.Mention?.Name));
            if (s.Mention is { } m)
            {
                recognized.Add(new RecognizedWord(m.Answer, words, m.Kind.WireName(), m.Id, m.Name));
            }
        }

        return input with { Answers = answers, Recognized = recognized };
    }

    /// <summary>Another phrase found for the same answer (any record, for records) overlaps this one and is longer, or as long and earlier.</summary>
    private static bool IsOutdone(Said s, List<Said> said)
    {
        foreach (var other in said)
        {
            var rivals = s.Mention is null ? other.Mention is null && other.Answer == s.Answer : other.Mention is not null;
            if (!ReferenceEquals(other, s) && rivals && other.First <= s.Last && s.First <= other.Last)
            {
                var (length, otherLength) = (s.Last - s.First, other.Last - other.First);
                if (otherLength > length || (otherLength == length && other.First < s.First))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"Diabetes for years", "on statins for three months": how long the condition or medicine has gone on, not the cramps.</summary>
    private static bool IsAboutANamedRecord(Said s, List<Said> said)
    {
        if (s.Answer != CheckAnswers.OngoingFor)
        {
            return false;
        }

        foreach (var other in said)
        {
            // Right after the name, or around it ("been on dialysis for months").
            if (other.Mention is not null && (other.Last == s.First - 1 || (s.First <= other.First && other.Last <= s.Last)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Has(List<GivenAnswer> answers, string answer, string value)
    {
        foreach (var a in answers)
        {
            if (a.Answer == answer && a.Value == value)
            {
                return true;
            }
        }

        return false;
    }

    // The guards and numbers are not what this reference checks (which mentions a check tests): it reads them as the check does.
    private static bool Guarded(FoundPhrases found, TimePhrase phrase, int first, int last) => DescribedAnswers.Guarded(found, phrase, first, last);

    private static int LargestNumber(FoundPhrases found, int first, int last) => DescribedAnswers.LargestNumber(found, first, last);

    private static int SmallestNumber(FoundPhrases found, int first, int last) => DescribedAnswers.SmallestNumber(found, first, last);

    private sealed record Said(string Answer, string Value, int First, int Last, RecordMention? Mention)
    {
        /// <summary>A negated occurrence: it gives no answer, but outdoes the phrases inside it.</summary>
        public bool Negated { get; init; }
    }
}
