namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Phrases compiled by a <see cref="PhraseIndex"/>, each filed under its rarest key: a pair of words that stand side by
/// side in it (not across a gap) or a single word, whichever the fewest of the phrases contain. A phrase occurs only where a
/// description says its pairs side by side and its words somewhere, so a reader tests just the phrases filed under the
/// words and pairs of adjacent words it reads, however many phrases there are. Single words alone would not do: at 100
/// times today's content a real word ("night", "hurt") is in a hundred synthetic phrases and is then rarer than a copy's
/// code, while a pair with the code is rare.
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
    {
        var phrasesWithKey = phrases.SelectMany(p => Keys(p).Select(k => k.Key).Distinct()).CountBy(k => k).ToDictionary();
        var filed = new List<(int First, Filed Filed)>(phrases.Count);
        var unfiled = new List<int>();
        for (var position = 0; position < phrases.Count; position++)
        {
            // The first of the rarest keys, pairs before single words; the offset is where the key's first word stands.
            var keys = Keys(phrases[position]).ToList();
            if (keys.Count == 0)
            {
                unfiled.Add(position);
                continue;
            }

            var rarest = keys.MinBy(k => phrasesWithKey[k.Key]);
            filed.Add((rarest.Key.First, new Filed(rarest.Key.Second, position, rarest.Offset)));
        }

        Unfiled = [.. unfiled];
        // Stable: within a key, phrases keep their order.
        var sorted = filed.OrderBy(f => f.First).ThenBy(f => f.Filed.Second).ToList();
        _filed = [.. sorted.Select(f => f.Filed)];
        _starts = new int[phraseWordCount + 1];
        var at = 0;
        for (var first = 0; first <= phraseWordCount; first++)
        {
            while (at < sorted.Count && sorted[at].First < first)
            {
                at++;
            }

            _starts[first] = at;
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

    /// <summary>The phrase's pairs of adjacent words, then its single words, each with the index of its first word.</summary>
    private static IEnumerable<((int First, int Second) Key, int Offset)> Keys(int[] phrase)
    {
        for (var i = 0; i + 1 < phrase.Length; i++)
        {
            if (phrase[i] != PhraseIndex.Gap && phrase[i + 1] != PhraseIndex.Gap)
            {
                yield return ((phrase[i], phrase[i + 1]), i);
            }
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            if (phrase[i] != PhraseIndex.Gap)
            {
                yield return ((phrase[i], Alone), i);
            }
        }
    }

    /// <summary>
    /// A phrase filed under a key: the key's second word, the phrase's position, and the index in the phrase of the key's first
    /// word; in a phrase without a gap, an occurrence whose key word is description word w starts at w - Offset.
    /// </summary>
    internal readonly record struct Filed(int Second, int Phrase, int Offset);
}
