using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Turns a person's words into a search plan: drops filler words, adds the knowledge base's terms
/// for everyday words (seed-data/synonyms.json), strips word endings and matches prefixes. Also
/// knows every word the knowledge base uses, to suggest spellings when nothing matches.
/// </summary>
public sealed class SearchVocabulary
{

    // Words that carry no meaning in a question about cramps ("why do my legs cramp at night").
    internal static readonly HashSet<string> StopWords =
    [
        "a", "about", "after", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do",
        "does", "doing", "for", "from", "get", "gets", "getting", "got", "had", "has", "have", "having", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "should", "so", "some", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "to", "up", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "why", "will", "with", "would", "you", "your", "keep", "lot", "lots", "very", "really", "much", "many",
        "now", "right", "just", "also", "still", "please", "tell", "know", "want", "need", "anything", "something",
    ];

    // Synonym entries in seed order, grouped by phrase; found through the phrase's first word.
    private readonly IReadOnlyList<(string[] Phrase, IReadOnlyList<string> Means)> _synonyms;
    private readonly Dictionary<string, int[]> _synonymsByFirstWord;
    private readonly int[] _synonymsWithoutWords;
    private readonly IReadOnlyList<string> _knownWords;

    private SearchVocabulary(IReadOnlyList<(string[] Phrase, IReadOnlyList<string> Means)> synonyms, IReadOnlyList<string> knownWords)
    {
        _synonyms = synonyms;
        var numbered = synonyms.Select((s, i) => (s.Phrase, Index: i)).ToList();
        _synonymsByFirstWord = numbered.Where(s => s.Phrase.Length > 0)
            .GroupBy(s => s.Phrase[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Index).ToArray(), StringComparer.Ordinal);
        // A phrase without words is in every query (as it was when every phrase was tried at every position).
        _synonymsWithoutWords = numbered.Where(s => s.Phrase.Length == 0).Select(s => s.Index).ToArray();
        _knownWords = knownWords;
    }

    public static IReadOnlyList<string> Words(string text) => QueryWords.Read(text);

    public static bool HasWord(string text) => QueryWords.HasWord(text);

    public SearchPlan Plan(string query)
    {
        var words = QueryWords.Read(query);
        var significant = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (!StopWords.Contains(word))
            {
                significant.Add(word);
            }
        }

        if (significant.Count == 0)
        {
            significant.AddRange(words);
        }

        var terms = new List<string>(significant.Count + 4);
        foreach (var word in significant)
        {
            AddOnce(terms, word);
        }

        foreach (var synonym in SynonymsIn(words))
        {
            foreach (var means in _synonyms[synonym].Means)
            {
                if (!significant.Contains(means))
                {
                    AddOnce(terms, means);
                }
            }
        }

        var alternatives = new List<SearchPhrase>(terms.Count + 1);
        foreach (var term in terms)
        {
            AddOnce(alternatives, ToPhrase(term));
        }

        if (significant.Count > 1)
        {
            // The words side by side, as typed, outrank the same words scattered ("low potassium" vs "potassium-lowering").
            // They are words of the query already, so joined they are their own phrase text (ToPhrase would read them again).
            AddOnce(alternatives, new SearchPhrase(string.Join(' ', significant), IsPrefix: false));
        }

        return new SearchPlan(significant, terms, alternatives);
    }

    /// <summary>The synonym entries whose phrase the words contain, in seed order.</summary>
    private List<int> SynonymsIn(List<string> words)
    {
        var found = new List<int>(_synonymsWithoutWords);
        for (var start = 0; start < words.Count; start++)
        {
            if (!_synonymsByFirstWord.TryGetValue(words[start], out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (!found.Contains(candidate) && StandsAt(words, start, _synonyms[candidate].Phrase))
                {
                    found.Add(candidate);
                }
            }
        }

        found.Sort();
        return found;
    }

    private static bool StandsAt(List<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var i = 1; i < phrase.Length; i++)
        {
            if (words[start + i] != phrase[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void AddOnce<T>(List<T> list, T item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }

    /// <summary>Known words closest to the query's words, for "did you mean" when nothing matched.</summary>
    public IReadOnlyList<string> Suggest(SearchPlan plan) =>
        plan.Words
            .Where(w => w.Length >= 3 && !_knownWords.Contains(w))
            .SelectMany(w => NearestTerms.Find(w, _knownWords.Select(k => (k, k)), max: 3))
            .Distinct()
            .Take(5)
            .ToList();

    /// <summary>
    /// One phrase to look for. Several words must stand together; a single word loses a common ending
    /// and matches as a prefix, so "stretches", "stretching" and "stretch" all find "stretching".
    /// </summary>
    private static SearchPhrase ToPhrase(string term)
    {
        if (QueryWords.IsOneLowerCaseWord(term))
        {
            var stemmed = Stem(term);
            return stemmed.Length >= 3 ? new SearchPhrase(stemmed, IsPrefix: true) : new SearchPhrase(term, IsPrefix: false);
        }

        var words = Words(term);
        if (words.Count != 1)
        {
            return new SearchPhrase(string.Join(' ', words), IsPrefix: false);
        }

        var stem = Stem(words[0]);
        return stem.Length >= 3 ? new SearchPhrase(stem, IsPrefix: true) : new SearchPhrase(words[0], IsPrefix: false);
    }

    private static readonly string[] Endings = ["ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s"];

    public static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    public static SearchVocabulary Load(KnowledgeSnapshot snapshot)
    {
        var synonyms = snapshot.Synonyms
            .GroupBy(s => s.Phrase)
            .Select(g => (Words(g.Key).ToArray(), (IReadOnlyList<string>)g.Select(s => s.Means).ToList()))
            .ToList();
        var names = snapshot.Records.Select(r => r.Name)
            .Concat(snapshot.Records.SelectMany(r => r.Aliases))
            .Concat(snapshot.Synonyms.Select(s => s.Phrase));
        var known = names.SelectMany(Words).Where(w => w.Length >= 4 && !StopWords.Contains(w)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new SearchVocabulary(synonyms, known);
    }
}
