using System.Runtime.InteropServices;

using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// <see cref="AdjacentWordIndex"/> as it was before it was built with counting sorts (a dictionary of keys and a comparison
/// sort, commit aabd633), kept as the oracle for what is filed under which key, in which order.
/// </summary>
internal sealed class ReferenceAdjacentWordIndex
{
    /// <summary>The second word of the key of a phrase filed under a single word.</summary>
    public const int Alone = PhraseIndex.Gap;

    // Sorted by (first word, second word); _starts[a] to _starts[a + 1] are those whose first word is a.
    private readonly Filed[] _filed;
    private readonly int[] _starts;

    /// <param name="phrases">The phrases, returned by their position in this list; one of gaps only, or empty, is left in <see cref="Unfiled"/>.</param>
    /// <param name="phraseWordCount">The phrase word numbers run from 0 to this, exclusive.</param>
    public ReferenceAdjacentWordIndex(IReadOnlyList<int[]> phrases, int phraseWordCount)
    {
        // Loops rather than LINQ: at 100x the vocabulary files 86,000 phrases at start-up.
        var phrasesWithKey = new Dictionary<(int, int), int>(phrases.Count * 2);
        foreach (var phrase in phrases)
        {
            for (var key = 0; key < KeyCount(phrase); key++)
            {
                if (Key(phrase, key) is { } k && IsFirstOfItsKind(phrase, key))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(phrasesWithKey, k.Key, out _)++;
                }
            }
        }

        var filed = new List<(int First, Filed Filed)>(phrases.Count);
        var unfiled = new List<int>();
        for (var position = 0; position < phrases.Count; position++)
        {
            // The first of the rarest keys, pairs before single words; the offset is where the key's first word stands.
            var phrase = phrases[position];
            ((int First, int Second) Key, int Offset)? rarest = null;
            var fewest = int.MaxValue;
            for (var key = 0; key < KeyCount(phrase); key++)
            {
                if (Key(phrase, key) is { } k && phrasesWithKey[k.Key] < fewest)
                {
                    (rarest, fewest) = (k, phrasesWithKey[k.Key]);
                }
            }

            if (rarest is { } r)
            {
                filed.Add((r.Key.First, new Filed(r.Key.Second, position, r.Offset)));
            }
            else
            {
                unfiled.Add(position);
            }
        }

        Unfiled = [.. unfiled];
        // By first word, then second; the position breaks ties, so a key's phrases keep their order.
        filed.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First)
            : a.Filed.Second != b.Filed.Second ? a.Filed.Second.CompareTo(b.Filed.Second)
            : a.Filed.Phrase.CompareTo(b.Filed.Phrase));
        _filed = new Filed[filed.Count];
        _starts = new int[phraseWordCount + 1];
        for (var i = 0; i < filed.Count; i++)
        {
            _filed[i] = filed[i].Filed;
            _starts[filed[i].First + 1]++;
        }

        for (var first = 0; first < phraseWordCount; first++)
        {
            _starts[first + 1] += _starts[first];
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

    // A phrase's keys: its pairs of adjacent words (index i: the words at i and i + 1), then its single words (index
    // Length - 1 + i: the word at i). Key is null where a gap stands.
    private static int KeyCount(int[] phrase) => Math.Max(0, 2 * phrase.Length - 1);

    private static ((int First, int Second) Key, int Offset)? Key(int[] phrase, int key)
    {
        if (key < phrase.Length - 1)
        {
            return phrase[key] != PhraseIndex.Gap && phrase[key + 1] != PhraseIndex.Gap ? ((phrase[key], phrase[key + 1]), key) : null;
        }

        var at = key - (phrase.Length - 1);
        return phrase[at] != PhraseIndex.Gap ? ((phrase[at], Alone), at) : null;
    }

    // A phrase counts once towards a key it has twice.
    private static bool IsFirstOfItsKind(int[] phrase, int key)
    {
        var own = Key(phrase, key)!.Value.Key;
        for (var earlier = 0; earlier < key; earlier++)
        {
            if (Key(phrase, earlier) is { } k && k.Key == own)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A phrase filed under a key: the key's second word, the phrase's position, and the index in the phrase of the key's first
    /// word; in a phrase without a gap, an occurrence whose key word is description word w starts at w - Offset.
    /// </summary>
    internal readonly record struct Filed(int Second, int Phrase, int Offset);
}
