namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// The red flags a check has to test. A trigger can hold only if the description says one of its phrases, so at least
/// that phrase's rarest key, a word or a pair of adjacent words (<see cref="AdjacentWordIndex"/>), and every word of it, or,
/// for a trigger of answers alone, if its first answer is given with a value it accepts; a red flag can match only if one
/// of its triggers can hold. Testing every red flag made a check's cost grow with the rule book: at 100 times today's
/// content (bench/growth.sh) the check answered 0.05-0.09 times as many requests per second as at today's size. The
/// positions come in the book's order, so the matches, sorted as before, are exactly those of testing every red flag.
/// </summary>
internal sealed class CandidateIndex
{
    // Scratch space a check reuses on its thread: one bit per red flag.
    [ThreadStatic]
    private static ulong[]? t_marks;

    private readonly int _count;
    private readonly (int Position, int[] Phrase)[] _phrases;
    private readonly AdjacentWordIndex _phrasesByWords;
    private readonly Dictionary<(string Answer, string Value), int[]> _byAnswer;
    private readonly int[] _always;

    public CandidateIndex(IReadOnlyList<RuleBookEntry> entries, int phraseWordCount)
    {
        _count = entries.Count;
        var phrasesOf = new List<(int Position, int[] Phrase)>();
        var byAnswer = new Dictionary<(string Answer, string Value), List<int>>();
        var always = new List<int>();
        for (var position = 0; position < entries.Count; position++)
        {
            foreach (var trigger in entries[position].Triggers)
            {
                // Phrases and also-phrases must both be found, and answers must all hold: one necessary part is enough.
                var phrases = trigger.CompiledPhrases.Length > 0 ? trigger.CompiledPhrases : trigger.CompiledAlsoPhrases;
                if (phrases.Length > 0 && phrases.All(p => p.Any(w => w != PhraseIndex.Gap)))
                {
                    foreach (var phrase in phrases)
                    {
                        phrasesOf.Add((position, phrase));
                    }
                }
                else if (phrases.Length == 0 && trigger.Rule.Answers.Count > 0)
                {
                    // Under each value its first answer accepts: at 100x a hundred red flags hold on "conditions", each on its own record.
                    foreach (var value in trigger.Rule.Answers[0].Values)
                    {
                        Add(byAnswer, (trigger.Rule.Answers[0].Answer, value), position);
                    }
                }
                else
                {
                    always.Add(position);
                }
            }
        }

        _phrases = [.. phrasesOf];
        // Filed under their rarest key among these phrases: "swollen" opens many phrases; at 100x, "night" ends a hundred.
        _phrasesByWords = new AdjacentWordIndex([.. phrasesOf.Select(p => p.Phrase)], phraseWordCount);
        // Positions were added in ascending order; Distinct keeps a red flag once.
        _byAnswer = byAnswer.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray());
        _always = [.. always.Distinct()];
    }

    /// <summary>The positions of the red flags that might match, in ascending order.</summary>
    public List<int> Of(CheckInput input, FoundPhrases found)
    {
        var length = (_count + 63) / 64;
        var marks = t_marks is { } reused && reused.Length >= length ? reused : t_marks = new ulong[length];
        Array.Clear(marks, 0, length);
        Mark(marks, _always);
        for (var w = 0; w < found.WordCount; w++)
        {
            foreach (var first in found.Word(w).PhraseWords)
            {
                Mark(marks, found, _phrasesByWords.Under(first, AdjacentWordIndex.Alone));
                if (w + 1 < found.WordCount)
                {
                    foreach (var second in found.Word(w + 1).PhraseWords)
                    {
                        Mark(marks, found, _phrasesByWords.Under(first, second));
                    }
                }
            }
        }

        for (var a = 0; a < input.Answers.Count; a++)
        {
            if (_byAnswer.TryGetValue((input.Answers[a].Answer, input.Answers[a].Value), out var positions))
            {
                Mark(marks, positions);
            }
        }

        // Read back into a list: the caller tests each red flag, which may itself use this thread's scratch space.
        var candidates = new List<int>();
        for (var block = 0; block < length; block++)
        {
            for (var bits = marks[block]; bits != 0; bits &= bits - 1)
            {
                candidates.Add(block * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits));
            }
        }

        return candidates;
    }

    private void Mark(ulong[] marks, FoundPhrases found, ReadOnlySpan<AdjacentWordIndex.Filed> filed)
    {
        foreach (var f in filed)
        {
            // Only a phrase whose every word the description says can be found.
            var (position, phrase) = _phrases[f.Phrase];
            if (found.SaysEveryWord(phrase))
            {
                marks[position / 64] |= 1UL << (position % 64);
            }
        }
    }

    private static void Mark(ulong[] marks, int[] positions)
    {
        foreach (var position in positions)
        {
            marks[position / 64] |= 1UL << (position % 64);
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var values))
        {
            index[key] = values = [];
        }

        values.Add(value);
    }
}
