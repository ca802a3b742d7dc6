using System.Text.RegularExpressions;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>
/// The phrases that name a record in a quote, for the rule that a link's quote names both its ends
/// (seed-data/README.md, "Links"). A record is named by its name, by each part of a name with a
/// parenthesis ("Diuretics (water pills)" gives "Diuretics" and "water pills"), by each alias, and by
/// the words of a synonyms.json entry one of whose meanings is one of those phrases ("water pills"
/// means "diuretics"). A meaning that is only a word inside a name does not count:
/// "blood flow" means "circulation", but it does not name "Poor circulation". Phrases match whole
/// words in order, ignoring case, with simple plural and verb endings either way ("massaging" ~ "massage").
/// </summary>
internal sealed partial class RecordNames
{
    private readonly Dictionary<(RecordKind Kind, string Id), List<string[]>> _phrases = [];
    private readonly Dictionary<(RecordKind Kind, string Id), List<string>> _shown = [];

    public RecordNames(SeedDataset seed)
    {
        var synonyms = seed.Synonyms.Select(s => (
            Meanings: s.Means.Select(Words).ToList(),
            Phrases: s.Words)).ToList();
        var synonymsByMeaningEnds = IndexByMeaningEnds(synonyms.Select(s => s.Meanings).ToList());
        foreach (var (kind, records) in seed.Records)
        {
            foreach (var record in records)
            {
                var own = NameParts(record.Name).Concat(record.Aliases)
                    .Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var ownWords = own.Select(Words).Where(w => w.Length > 0).ToList();
                var fromSynonyms = ownWords
                    .SelectMany(phrase => synonymsByMeaningEnds.GetValueOrDefault((phrase.Length, phrase[0], phrase[^1])) ?? [])
                    .Distinct().Order()
                    .Where(s => synonyms[s].Meanings.Any(meaning => ownWords.Any(phrase => Compared(meaning, phrase))))
                    .SelectMany(s => synonyms[s].Phrases)
                    .Where(p => !own.Contains(p, StringComparer.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList();
                _phrases[(kind, record.Id)] = [.. ownWords, .. fromSynonyms.Select(Words).Where(w => w.Length > 0)];
                _shown[(kind, record.Id)] = [.. own, .. fromSynonyms];
            }
        }
    }

    /// <summary>How many meaning-against-name comparisons building this took: a count of work, for the test that keeps it linear.</summary>
    public int MeaningComparisons { get; private set; }

    private bool Compared(string[] meaning, string[] phrase)
    {
        MeaningComparisons++;
        return SamePhrase(meaning, phrase);
    }

    /// <summary>
    /// The synonyms by (word count, first word, last word) of each meaning, each end under every spelling
    /// <see cref="RecordNames.SameWord"/> could pair with it, so a record's phrase looks up the few synonyms whose meaning can
    /// equal it. Comparing every record with every synonym took 4 s of a 100x seed's validation (bench/growth.sh).
    /// </summary>
    private static Dictionary<(int Length, string First, string Last), List<int>> IndexByMeaningEnds(List<List<string[]>> meanings)
    {
        var index = new Dictionary<(int, string, string), List<int>>();
        for (var synonym = 0; synonym < meanings.Count; synonym++)
        {
            foreach (var meaning in meanings[synonym].Where(m => m.Length > 0))
            {
                foreach (var first in PhraseIndex.Spellings(meaning[0]).Distinct())
                {
                    foreach (var last in PhraseIndex.Spellings(meaning[^1]).Distinct())
                    {
                        var key = (meaning.Length, first, last);
                        var list = index.TryGetValue(key, out var found) ? found : index[key] = [];
                        if (list.Count == 0 || list[^1] != synonym)
                        {
                            list.Add(synonym);
                        }
                    }
                }
            }
        }

        return index;
    }

    /// <summary>True when <paramref name="quoteWords"/> (from <see cref="Words"/>) contains a phrase that names the record.</summary>
    public bool Names(RecordKind kind, string id, string[] quoteWords) =>
        _phrases.TryGetValue((kind, id), out var phrases) && phrases.Any(phrase => Contains(quoteWords, phrase));

    /// <summary>The phrases that name the record, for a curator reading why a link failed.</summary>
    public IReadOnlyList<string> Shown(RecordKind kind, string id) => _shown.GetValueOrDefault((kind, id)) ?? [];

    public static string[] Words(string text) =>
        [.. WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant())];

    /// <summary>"Low sodium (salt)" is named by "Low sodium (salt)", "Low sodium" and "salt".</summary>
    private static IEnumerable<string> NameParts(string name)
    {
        yield return name;
        var open = name.IndexOf('(', StringComparison.Ordinal);
        var close = name.IndexOf(')', StringComparison.Ordinal);
        if (open > 0 && close > open)
        {
            yield return name[..open] + name[(close + 1)..];
            yield return name[(open + 1)..close];
        }
    }

    private static bool Contains(string[] text, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= text.Length; start++)
        {
            if (SamePhrase(text.AsSpan(start, phrase.Length), phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SamePhrase(ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!SameWord(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same word, or one is the other plus a plural or verb ending: the red-flag check's own rule, so both read words alike.</summary>
    public static bool SameWord(string a, string b) => PhraseMatcher.SameWord(a, b);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
