using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// The answers a description gives in its own words: how often (<see cref="TimePhrases"/>), how long a
/// cramp lasts, how long cramps have gone on, and the conditions and medicines it names
/// (<see cref="RecordMention"/>). Every phrase is compiled into the rule book's <see cref="PhraseIndex"/>,
/// so the one reading of the description serves the rules and these; negated words give no answer.
/// A mention is tested only when the description says the adjacent words it is filed under (<see cref="AdjacentWordIndex"/>):
/// testing all of them made this 40 % of a check at 100 times today's content (23,021 mentions: 49-76 µs of CPU for the
/// bench/growth.sh request, in process, against 1.7-1.8 µs at 1x); filed, 1.4-1.5 µs at both sizes.
/// </summary>
internal sealed class DescribedAnswers
{
    private readonly (TimePhrase Phrase, int[] Words)[] _times;
    private readonly (RecordMention Mention, int[] Words)[] _mentions;

    // The mentions by the adjacent words they need: at 100x, testing every mention cost more than the rest of a check.
    private readonly AdjacentWordIndex _mentionsByWords;

    // The time phrases the same way. Testing each of them, the 165 that "started in August" and "lasting weeks" added took
    // the check at 1x from 18,333-21,683 to 12,624-17,883 req/s (bench/run.sh's description, interleaved wrk rounds of 10 s);
    // filed, 16,683-21,396 against 14,699-19,478 for the code before them.
    private readonly AdjacentWordIndex _timesByWords;

    // Scratch space a check reuses on its thread: the positions of the mentions to test.
    [ThreadStatic]
    private static List<int>? t_candidates;

    /// <summary>The phrases with their words as the rule book's <see cref="PhraseIndex"/> numbers them (<see cref="PhraseIndex.Compile"/>).</summary>
    public DescribedAnswers((TimePhrase Phrase, int[] Words)[] times, (RecordMention Mention, int[] Words)[] mentions, int phraseWordCount)
    {
        _times = times;
        _mentions = mentions;
        _mentionsByWords = new AdjacentWordIndex([.. _mentions.Select(m => m.Words)], phraseWordCount);
        _timesByWords = new AdjacentWordIndex([.. _times.Select(t => t.Words)], phraseWordCount);
    }

    /// <summary>Every time phrase, with its words as the rule book's index numbers them.</summary>
    internal IReadOnlyList<(TimePhrase Phrase, int[] Words)> Times => _times;

    /// <summary>Every record mention, with its words as the rule book's index numbers them.</summary>
    internal IReadOnlyList<(RecordMention Mention, int[] Words)> Mentions => _mentions;

    /// <summary>
    /// The input with what the description says added: each answer as a <see cref="GivenAnswer"/> whose
    /// <c>Word</c> is the words read, and each named record in <c>Recognized</c>. An answer the request already
    /// gives with the same value is not repeated; a different value is added, as both were said.
    /// </summary>
    public CheckInput AddTo(CheckInput input, FoundPhrases found)
    {
        List<Said>? said = null;
        var times = TimesSaid(found);
        for (var c = 0; c < times.Count; c++)
        {
            var i = times[c];
            if (c > 0 && times[c - 1] == i)
            {
                continue;
            }

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

        // In the order of _mentions, as when every mention was tested: IsOutdone breaks ties by that order.
        var candidates = MentionsSaid(found);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            if (c > 0 && candidates[c - 1] == i)
            {
                continue;
            }

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

    /// <summary>
    /// The positions of the mentions that may occur in the description, sorted, a position possibly more than once: those
    /// filed under a word or a pair of adjacent words it says. No other mention can be found: <see cref="FoundPhrases.FindWords(int[])"/>
    /// matches the words of a phrase on consecutive description words, except across a gap.
    /// </summary>
    internal List<int> MentionsSaid(FoundPhrases found) => Candidates(_mentionsByWords, found);

    /// <summary>As <see cref="MentionsSaid"/>, the positions of the time phrases that may occur; the list is the same scratch list.</summary>
    internal List<int> TimesSaid(FoundPhrases found) => Candidates(_timesByWords, found);

    private static List<int> Candidates(AdjacentWordIndex index, FoundPhrases found)
    {
        var candidates = t_candidates ??= [];
        candidates.Clear();
        candidates.AddRange(index.Unfiled);
        for (var w = 0; w < found.WordCount; w++)
        {
            foreach (var first in found.Word(w).PhraseWords)
            {
                Add(candidates, index.Under(first, AdjacentWordIndex.Alone));
                if (w + 1 < found.WordCount)
                {
                    foreach (var second in found.Word(w + 1).PhraseWords)
                    {
                        Add(candidates, index.Under(first, second));
                    }
                }
            }
        }

        candidates.Sort();
        return candidates;
    }

    private static void Add(List<int> candidates, ReadOnlySpan<AdjacentWordIndex.Filed> filed)
    {
        foreach (var f in filed)
        {
            candidates.Add(f.Phrase);
        }
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

    /// <summary>True when the phrase found at these words is kept from answering by its <see cref="TimeGuard"/>.</summary>
    internal static bool Guarded(FoundPhrases found, TimePhrase phrase, int first, int last)
    {
        // Before the guard: "took half an hour to go" has no guard and is minutes too.
        if (phrase.Answer == CheckAnswers.Duration && phrase.Value == "hours" && SaysHalfAnHour(found, first, last))
        {
            return true;
        }

        var guard = phrase.Guard;
        if (guard == TimeGuard.None)
        {
            return false;
        }

        ref readonly var word = ref found.Word(first);
        if (guard == TimeGuard.FirstWordAsWritten
            && !found.Description.AsSpan(word.Start, word.End - word.Start).Equals(phrase.Phrase.Words[0], StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (guard == TimeGuard.PerAfterSlash && !found.Word(last).SlashBefore)
        {
            return true;
        }

        var blocking = guard is TimeGuard.NotAfterActivity or TimeGuard.PerAfterSlash ? WordRoles.Activity : WordRoles.Activity | WordRoles.Determiner;
        if (first > 0 && !found.Word(first).BreakBefore && (found.Word(first - 1).Vocabulary.Roles & blocking) != 0)
        {
            return true;
        }

        // Or its object between: "I take magnesium every night", "I took magnesium for 3 weeks" (read as daily and persistent
        // cramps). Two words back, in the same clause and not past "and": "I walk and every night my legs cramp" keeps it.
        if (first > 1 && !found.Word(first).BreakBefore && !found.Word(first - 1).BreakBefore
            && (found.Word(first - 1).Vocabulary.Roles & WordRoles.And) == 0
            && (found.Word(first - 2).Vocabulary.Roles & WordRoles.Activity) != 0)
        {
            return true;
        }

        // "Been training for three months": the activity may stand inside the phrase's gap too.
        for (var w = first; w <= last; w++)
        {
            if ((found.Word(w).Vocabulary.Roles & WordRoles.Activity) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An hour among the phrase's words is the end of "half an hour" or "half hour": minutes.</summary>
    private static bool SaysHalfAnHour(FoundPhrases found, int first, int last)
    {
        bool Is(int w, string text) =>
            w >= 0 && found.Description.AsSpan(found.Word(w).Start, found.Word(w).End - found.Word(w).Start).Equals(text, StringComparison.OrdinalIgnoreCase);

        for (var hour = first; hour <= last; hour++)
        {
            if ((Is(hour, "hour") || Is(hour, "hours") || Is(hour, "hr") || Is(hour, "hrs"))
                && (Is(hour - 1, "half") || ((Is(hour - 1, "an") || Is(hour - 1, "a")) && Is(hour - 2, "half"))))
            {
                return true;
            }
        }

        return false;
    }

    internal static int LargestNumber(FoundPhrases found, int first, int last)
    {
        var largest = 0;
        for (var w = first; w <= last; w++)
        {
            largest = Math.Max(largest, found.Word(w).Number);
        }

        return largest;
    }

    /// <summary>The smallest number in the words found (0 when there is none): the share's part in "3 nights out of 7".</summary>
    internal static int SmallestNumber(FoundPhrases found, int first, int last)
    {
        var smallest = int.MaxValue;
        for (var w = first; w <= last; w++)
        {
            if (found.Word(w).Number > 0)
            {
                smallest = Math.Min(smallest, found.Word(w).Number);
            }
        }

        return smallest == int.MaxValue ? 0 : smallest;
    }

    private sealed record Said(string Answer, string Value, int First, int Last, RecordMention? Mention)
    {
        /// <summary>A negated occurrence: it gives no answer, but outdoes the phrases inside it.</summary>
        public bool Negated { get; init; }
    }
}
