namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// <see cref="NegationCues"/> and <see cref="TimeWords"/> as one lower-case lookup, so that reading a
/// description costs one dictionary probe per word for both.
/// </summary>
internal static class DescriptionVocabulary
{
    /// <summary>A word's roles, its value when it is a number word, and for a cue its canonical spelling ("don't" for "dont").</summary>
    public readonly record struct Entry(WordRoles Roles, int Number, string? Cue);

    private static readonly Dictionary<string, Entry> Entries = Build();

    private static readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> Lookup = Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every word listed: the check reads each of them itself, so each is understood (see <see cref="CheckVocabulary"/>).</summary>
    public static IEnumerable<string> Words => Entries.Keys;

    /// <summary>The longest word listed: a longer description word has no entry.</summary>
    public static int LongestWord { get; } = Entries.Keys.Max(k => k.Length);

    /// <summary>Pseudo-negations by their cue: the words that, right after the cue, make it no negation.</summary>
    public static IReadOnlyDictionary<string, string[][]> PseudoNegations { get; } = NegationCues.PseudoNegations
        .Select(p => p.Split(' '))
        .GroupBy(words => words[0])
        .ToDictionary(g => g.Key, g => g.Select(words => words[1..]).ToArray(), StringComparer.Ordinal);

    /// <summary>The entry of a lower-case word, or a default one (no roles, no number).</summary>
    public static Entry Find(ReadOnlySpan<char> lowerCaseWord) =>
        Lookup.TryGetValue(lowerCaseWord, out var entry) ? entry : default;

    private static Dictionary<string, Entry> Build()
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);

        void Add(string word, WordRoles roles, int number = 0, string? cue = null)
        {
            var had = entries.GetValueOrDefault(word);
            entries[word] = new Entry(had.Roles | roles, number != 0 ? number : had.Number, cue ?? had.Cue);
        }

        foreach (var cue in NegationCues.Cues)
        {
            if (cue.EndsWith("n't", StringComparison.Ordinal))
            {
                // Descriptions split at apostrophes ("don" + "t"); "dont" is how many people type it.
                Add(cue[..^2], WordRoles.CueStem, cue: cue);
                Add(cue.Replace("'", "", StringComparison.Ordinal), WordRoles.Cue, cue: cue);
            }
            else
            {
                Add(cue, WordRoles.Cue, cue: cue);
            }
        }

        foreach (var word in NegationCues.Terminators)
        {
            Add(word, WordRoles.Terminator);
        }

        foreach (var word in NegationCues.ClauseOpeners)
        {
            Add(word, WordRoles.ClauseOpener);
        }

        foreach (var word in NegationCues.ContractionTails)
        {
            Add(word, word == "t" ? WordRoles.ContractionTail | WordRoles.TailT : WordRoles.ContractionTail);
        }

        foreach (var word in TimeWords.Activities)
        {
            Add(word, WordRoles.Activity);
        }

        foreach (var word in TimeWords.Determiners)
        {
            Add(word, WordRoles.Determiner);
        }

        foreach (var (word, number) in TimeWords.Numbers)
        {
            Add(word, WordRoles.None, number);
        }

        Add("and", WordRoles.And);
        return entries;
    }
}
