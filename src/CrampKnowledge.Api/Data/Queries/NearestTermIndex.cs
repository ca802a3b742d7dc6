namespace CrampKnowledge.Api.Data.Queries;

/// <summary>
/// <see cref="NearestTerms.Find"/> over a fixed list, measuring the edit distance to a few candidates instead of every
/// word. Written for speed: a typo looked up among causes and treatments (as a red-flag check's list answer is) cost,
/// comparing with every name and alias, 0.5-1.1 ms of CPU at 100x content ("statinz", "diabetis", "dehidration") and
/// 9-26 ms for a long nonsense word; with this index 4-33 us and 2-5 us (1x: 2-11 us). Building the cause and treatment
/// indexes at 100x takes 65-100 ms and keeps 5.7 MB, so it is done on the first typo, not at start-up.
/// A word within k edits of the input shares at least (pairs of adjacent letters in the input) − 2k of those pairs
/// with it, as one edit spoils at most two pairs (Ukkonen's q-gram lemma); so it has at least one of any 2k + 1 of
/// the input's pairs, and its length is within k of the input's. Each pair lists the words that hold it, shortest
/// first, so the rarest 2k + 1 pairs, cut to that length window, give the candidates. A longer word that contains
/// the input counts as one edit whatever its length: it holds every pair of the input, so the rarest pair finds it.
/// </summary>
public sealed class NearestTermIndex
{
    private readonly string[] _words;
    private readonly string[] _lowered;
    private readonly string[] _ids;

    // Word positions that hold a pair of adjacent letters, for its first, second, … occurrence in the word
    // (so shared pairs count as a multiset), ordered by length.
    private readonly Dictionary<long, int[]> _byPair;

    // Every word position, ordered by length: candidates when the input is too short for the pairs to say anything.
    private readonly int[] _byLength;

    public NearestTermIndex(IEnumerable<(string Word, string Id)> candidates)
    {
        var list = candidates.ToList();
        _words = new string[list.Count];
        _lowered = new string[list.Count];
        _ids = new string[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            _words[i] = list[i].Word;
            _lowered[i] = list[i].Word.ToLowerInvariant();
            _ids[i] = list[i].Id;
        }

        _byLength = Enumerable.Range(0, list.Count).OrderBy(i => _lowered[i].Length).ThenBy(i => i).ToArray();
        var byPair = new Dictionary<long, List<int>>();
        var occurrences = new Dictionary<long, int>();
        foreach (var position in _byLength)
        {
            occurrences.Clear();
            foreach (var key in PairKeys(_lowered[position], occurrences))
            {
                if (!byPair.TryGetValue(key, out var positions))
                {
                    byPair[key] = positions = [];
                }

                positions.Add(position);
            }
        }

        _byPair = new Dictionary<long, int[]>(byPair.Count);
        foreach (var (key, positions) in byPair)
        {
            _byPair[key] = positions.ToArray();
        }
    }

    /// <summary>The same answer as <see cref="NearestTerms.Find"/> over this index's list, filtered by <paramref name="accept"/>.</summary>
    public IReadOnlyList<string> Find(string input, int max = 3, int? maxEdits = null, Func<string, bool>? accept = null)
    {
        var typed = input.Trim().ToLowerInvariant();
        if (typed.Length == 0 || typed.Length > NearestTerms.MaxInputLength)
        {
            return [];
        }

        var allowed = NearestTerms.AllowedEdits(typed, maxEdits);
        var shortest = typed.Length - allowed;
        var longest = typed.Length + allowed;
        var candidates = new HashSet<int>();
        var pairs = PairKeys(typed, new Dictionary<long, int>()).Select(key => _byPair.GetValueOrDefault(key) ?? []).ToList();
        var mustShare = pairs.Count - 2 * allowed;
        if (mustShare >= 1)
        {
            foreach (var slice in pairs.Select(p => LengthWindow(p, shortest, longest)).OrderBy(s => s.Count).Take(2 * allowed + 1))
            {
                candidates.UnionWith(slice);
            }
        }
        else
        {
            candidates.UnionWith(LengthWindow(_byLength, shortest, longest));
        }

        if (typed.Length >= 3 && pairs.Count > 0)
        {
            foreach (var position in LengthWindow(pairs.MinBy(p => p.Length)!, longest + 1, int.MaxValue))
            {
                // Content copies share pairs with the input (all the "… syn042" aliases): only the words that
                // contain it can be close, and most don't.
                if (_lowered[position].Contains(typed, StringComparison.Ordinal))
                {
                    candidates.Add(position);
                }
            }
        }

        var closest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var position in candidates)
        {
            var word = _words[position];
            // The same tests, in the same order, as NearestTerms.Find.
            if (!(word.Length - typed.Length <= allowed || word.Contains(typed, StringComparison.OrdinalIgnoreCase))
                || typed.Length - word.Length > allowed
                || (accept is not null && !accept(word)))
            {
                continue;
            }

            var distance = DistanceUpTo(typed, _lowered[position], allowed);
            if (distance <= allowed && (!closest.TryGetValue(_ids[position], out var known) || distance < known))
            {
                closest[_ids[position]] = distance;
            }
        }

        return closest
            .OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Key)
            .ToList();
    }

    /// <summary>
    /// <see cref="NearestTerms.Distance"/> when it is at most <paramref name="allowed"/>, else more than that: most
    /// candidates share a pair or two by chance, and the smallest cell of a row never shrinks in the rows after it, so
    /// the comparison stops at the first row above the limit.
    /// </summary>
    private static int DistanceUpTo(string typed, string word, int allowed)
    {
        if (typed.Length >= 3 && word.Contains(typed, StringComparison.Ordinal))
        {
            return NearestTerms.Distance(typed, word);
        }

        Span<int> previous = word.Length < 256 ? stackalloc int[word.Length + 1] : new int[word.Length + 1];
        Span<int> current = word.Length < 256 ? stackalloc int[word.Length + 1] : new int[word.Length + 1];
        for (var j = 0; j <= word.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            current[0] = i;
            var smallest = i;
            for (var j = 1; j <= word.Length; j++)
            {
                var substitution = previous[j - 1] + (typed[i - 1] == word[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                smallest = Math.Min(smallest, current[j]);
            }

            if (smallest > allowed)
            {
                return allowed + 1;
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[word.Length];
    }

    /// <summary>The positions, ordered by length, of words from <paramref name="shortest"/> to <paramref name="longest"/> letters.</summary>
    private ArraySegment<int> LengthWindow(int[] positions, int shortest, int longest)
    {
        var from = FirstNotShorterThan(positions, shortest);
        var to = longest == int.MaxValue ? positions.Length : FirstNotShorterThan(positions, longest + 1);
        return new ArraySegment<int>(positions, from, Math.Max(0, to - from));
    }

    private int FirstNotShorterThan(int[] positions, int length)
    {
        int low = 0, high = positions.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_lowered[positions[middle]].Length < length)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Each pair of adjacent letters with its occurrence number in <paramref name="text"/>, once.</summary>
    private static List<long> PairKeys(string text, Dictionary<long, int> occurrences)
    {
        var keys = new List<long>(Math.Max(0, text.Length - 1));
        for (var i = 1; i < text.Length; i++)
        {
            var pair = ((long)text[i - 1] << 16) | text[i];
            var occurrence = occurrences.GetValueOrDefault(pair);
            occurrences[pair] = occurrence + 1;
            keys.Add((pair << 24) | (long)occurrence);
        }

        return keys;
    }
}
