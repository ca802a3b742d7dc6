namespace CrampKnowledge.Api.Data.Queries;

/// <summary>"Did you mean …?" for ids typed by hand: the closest candidates by edit distance.</summary>
public static class NearestTerms
{
    public const int MaxInputLength = 100;

    /// <summary>
    /// Ids whose words (id, name or alias) are within a third of the input's length in edits, or
    /// contain it, closest first; <paramref name="maxEdits"/> allows fewer edits.
    /// </summary>
    /// <remarks>Compares the input with every candidate: for short lists. Large ones use <see cref="NearestTermIndex"/>.</remarks>
    public static IReadOnlyList<string> Find(string input, IEnumerable<(string Word, string Id)> candidates, int max = 3, int? maxEdits = null)
    {
        var typed = input.Trim().ToLowerInvariant();
        // Nothing in the knowledge base is this long, and edit distance costs length × length: a 60 KB
        // id in a URL must not buy seconds of CPU.
        if (typed.Length == 0 || typed.Length > MaxInputLength)
        {
            return [];
        }

        var allowed = AllowedEdits(typed, maxEdits);
        return candidates
            .Where(c => c.Word.Length - typed.Length <= allowed || c.Word.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .Where(c => typed.Length - c.Word.Length <= allowed)
            .Select(c => (c.Id, Distance: Distance(typed, c.Word.ToLowerInvariant())))
            .Where(c => c.Distance <= allowed)
            .GroupBy(c => c.Id)
            .Select(g => (Id: g.Key, Distance: g.Min(c => c.Distance)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>A third of the input's length in edits, at least two, at most <paramref name="maxEdits"/>.</summary>
    internal static int AllowedEdits(string typed, int? maxEdits) => Math.Min(Math.Max(2, typed.Length / 3), maxEdits ?? int.MaxValue);

    /// <summary>" Did you mean 'a' or 'b'?", or <paramref name="otherwise"/> when there is nothing close.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string otherwise = "") =>
        suggestions.Count > 0 ? $" Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?" : otherwise;

    /// <summary>Levenshtein distance, except that a word containing the input counts as one edit away.</summary>
    internal static int Distance(string typed, string word)
    {
        if (typed.Length >= 3 && word.Contains(typed, StringComparison.Ordinal))
        {
            return word.Length == typed.Length ? 0 : 1;
        }

        var previous = new int[word.Length + 1];
        var current = new int[word.Length + 1];
        for (var j = 0; j <= word.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= word.Length; j++)
            {
                var substitution = previous[j - 1] + (typed[i - 1] == word[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[word.Length];
    }
}
