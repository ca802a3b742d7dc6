namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Phrases compiled by a <see cref="PhraseIndex"/>, each filed under its rarest key: a pair of words that stand side by
/// side in it (not across a gap) or a single word, whichever the fewest of the phrases contain. A phrase occurs only where a
/// description says its pairs side by side and its words somewhere, so a reader tests just the phrases filed under the
/// words and pairs of adjacent words it reads, however many phrases there are. Single words alone would not do: at 100
/// times today's content a real word ("night", "hurt") is in a hundred synthetic phrases and is then rarer than a copy's
/// code, while a pair with the code is rare. Measured in process (CPU per check, medians, bench/growth.sh's request): at 100x
/// a check took 114-192 µs against 6.4-7.3 µs at 1x, looking through every record mention and every vocabulary phrase
/// that starts with a description word; filed by this index, 6.5-7.2 µs against 6.3-6.5 µs, and a dozen other descriptions
/// (up to 2,000 characters, naming medicines, negations, times) cost at most 1.15 times as much at 100x as at 1x.
/// </summary>
internal sealed class AdjacentWordIndex
{
    /// <summary>The second word of the key of a phrase filed under a single word.</summary>
    public const int Alone = PhraseIndex.Gap;

    // Sorted by (first word, second word); _starts[a] to _starts[a + 1] are those whose first word is a.
    private readonly Filed[] _filed;
    private readonly int[] _starts;

    /// <param name="phrases">The phrases, returned by their position in this list; one of gaps only, or empty, is left in <see cref="Unfiled"/>.</param>
    /// <param name="phraseWordCount">The phrase word numbers run from 0 to this, exclusive.</param>
    public AdjacentWordIndex(IReadOnlyList<int[]> phrases, int phraseWordCount)
        : this(PhraseList.Of(phrases), phraseWordCount)
    {
    }

    /// <inheritdoc cref="AdjacentWordIndex(IReadOnlyList{int[]}, int)"/>
    public AdjacentWordIndex(PhraseList phrases, int phraseWordCount)
    {
        // Arrays and counting sorts by word number rather than a dictionary of keys and a comparison sort: at 100x the
        // vocabulary files 86,000 phrases at start-up. Each phrase's keys in key order, each key once (a phrase counts once
        // towards a key it has twice), then how many phrases have each key.
        var (firsts, seconds, keyStarts) = Keys(phrases);
        var counts = CountPhrasesPerKey(firsts.AsSpan(0, keyStarts[^1]), seconds, phraseWordCount);

        // The first of each phrase's rarest keys, pairs before single words.
        var rarest = new int[phrases.Count];
        var unfiled = new List<int>();
        for (var position = 0; position < phrases.Count; position++)
        {
            rarest[position] = -1;
            for (var k = keyStarts[position]; k < keyStarts[position + 1]; k++)
            {
                rarest[position] = rarest[position] < 0 || counts[k] < counts[rarest[position]] ? k : rarest[position];
            }

            if (rarest[position] < 0)
            {
                unfiled.Add(position);
            }
        }

        Unfiled = [.. unfiled];

        // By first word, then second: the positions sorted by second word (Alone first), then by first, each sort
        // keeping the order it was given, so a key's phrases keep theirs.
        var filedCount = phrases.Count - Unfiled.Length;
        _filed = new Filed[filedCount];
        _starts = new int[phraseWordCount + 1];
        var secondStarts = new int[phraseWordCount + 2];
        foreach (var k in rarest)
        {
            if (k >= 0)
            {
                secondStarts[seconds[k] + 2]++;
                _starts[firsts[k] + 1]++;
            }
        }

        for (var second = 0; second <= phraseWordCount; second++)
        {
            secondStarts[second + 1] += secondStarts[second];
        }

        var bySecond = new int[filedCount];
        for (var position = 0; position < phrases.Count; position++)
        {
            if (rarest[position] is var k and >= 0)
            {
                bySecond[secondStarts[seconds[k] + 1]++] = position;
            }
        }

        for (var first = 0; first < phraseWordCount; first++)
        {
            _starts[first + 1] += _starts[first];
        }

        // The offset is where the key's first word stands in the phrase.
        var next = _starts[..^1];
        foreach (var position in bySecond)
        {
            var phrase = phrases[position];
            var k = rarest[position];
            var offset = seconds[k] == Alone ? phrase.IndexOf(firsts[k]) : PairAt(phrase, firsts[k], seconds[k]);
            _filed[next[firsts[k]]++] = new Filed(seconds[k], position, offset);
        }
    }

    /// <summary>The positions of the phrases with no word (empty, or gaps only), which are filed under nothing.</summary>
    public int[] Unfiled { get; }

    /// <summary>The phrases filed under <paramref name="first"/> followed by <paramref name="second"/>, or under <paramref name="first"/> alone (<see cref="Alone"/>).</summary>
    public ReadOnlySpan<Filed> Under(int first, int second)
    {
        var (low, high) = (_starts[first], _starts[first + 1]);
        // Most ranges are a few entries long; those of a common first word, a few hundred.
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_filed[middle].Second < second)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var end = low;
        while (end < _starts[first + 1] && _filed[end].Second == second)
        {
            end++;
        }

        return _filed.AsSpan(low, end - low);
    }

    /// <summary>
    /// Every phrase's keys, one after another from <c>keyStarts[phrase]</c> to <c>keyStarts[phrase + 1]</c>: its pairs of adjacent words (not across a gap) from
    /// the first, then its single words (second word <see cref="Alone"/>), each key where it first stands in the phrase.
    /// </summary>
    private static (int[] Firsts, int[] Seconds, int[] KeyStarts) Keys(PhraseList phrases)
    {
        var most = 0;
        for (var p = 0; p < phrases.Count; p++)
        {
            most += Math.Max(0, 2 * phrases[p].Length - 1);
        }

        var (firsts, seconds) = (new int[most], new int[most]);
        var keyStarts = new int[phrases.Count + 1];
        var k = 0;
        for (var p = 0; p < phrases.Count; p++)
        {
            var phrase = phrases[p];
            for (var i = 0; i + 1 < phrase.Length; i++)
            {
                if (phrase[i] != PhraseIndex.Gap && phrase[i + 1] != PhraseIndex.Gap && PairAt(phrase, phrase[i], phrase[i + 1]) == i)
                {
                    (firsts[k], seconds[k]) = (phrase[i], phrase[i + 1]);
                    k++;
                }
            }

            for (var i = 0; i < phrase.Length; i++)
            {
                if (phrase[i] != PhraseIndex.Gap && phrase.IndexOf(phrase[i]) == i)
                {
                    (firsts[k], seconds[k]) = (phrase[i], Alone);
                    k++;
                }
            }

            keyStarts[p + 1] = k;
        }

        // Gaps and repeats leave the arrays' ends unused.
        return (firsts, seconds, keyStarts);
    }

    /// <summary>How many phrases have each key, by the key's index: the keys are grouped by first word, then counted by second.</summary>
    private static int[] CountPhrasesPerKey(ReadOnlySpan<int> firsts, int[] seconds, int phraseWordCount)
    {
        var byFirst = new int[firsts.Length];
        var firstStarts = new int[phraseWordCount + 1];
        foreach (var first in firsts)
        {
            firstStarts[first + 1]++;
        }

        for (var first = 0; first < phraseWordCount; first++)
        {
            firstStarts[first + 1] += firstStarts[first];
        }

        var next = firstStarts[..^1];
        for (var k = 0; k < firsts.Length; k++)
        {
            byFirst[next[firsts[k]]++] = k;
        }

        // Per first word, the keys' second words tallied in a scratch array (Alone at 0), read back, then cleared.
        var counts = new int[firsts.Length];
        var tally = new int[phraseWordCount + 1];
        for (var first = 0; first < phraseWordCount; first++)
        {
            var keys = byFirst.AsSpan(firstStarts[first], firstStarts[first + 1] - firstStarts[first]);
            foreach (var k in keys)
            {
                tally[seconds[k] + 1]++;
            }

            foreach (var k in keys)
            {
                counts[k] = tally[seconds[k] + 1];
            }

            foreach (var k in keys)
            {
                tally[seconds[k] + 1] = 0;
            }
        }

        return counts;
    }

    // Where the pair first stands in the phrase, or -1.
    private static int PairAt(ReadOnlySpan<int> phrase, int first, int second)
    {
        for (var i = 0; i + 1 < phrase.Length; i++)
        {
            if (phrase[i] == first && phrase[i + 1] == second)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A phrase filed under a key: the key's second word, the phrase's position, and the index in the phrase of the key's first
    /// word; in a phrase without a gap, an occurrence whose key word is description word w starts at w - Offset.
    /// </summary>
    internal readonly record struct Filed(int Second, int Phrase, int Offset);
}
