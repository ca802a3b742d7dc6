using System.Text.RegularExpressions;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Turns a person's words into a search plan: drops filler words, adds the knowledge base's terms
/// for everyday words (seed-data/synonyms.json), strips word endings and matches prefixes. Also
/// knows every word the knowledge base uses, to suggest spellings when nothing matches.
/// </summary>
public sealed partial class SearchVocabulary
{
    private const int MaxWords = 32;

    // Words that carry no meaning in a question about cramps ("why do my legs cramp at night").
    private static readonly HashSet<string> StopWords =
    [
        "a", "about", "after", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do",
        "does", "doing", "for", "from", "get", "gets", "getting", "got", "had", "has", "have", "having", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "should", "so", "some", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "to", "up", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "why", "will", "with", "would", "you", "your", "keep", "lot", "lots", "very", "really", "much", "many",
        "now", "right", "just", "also", "still", "please", "tell", "know", "want", "need", "anything", "something",
    ];

    private readonly IReadOnlyList<(string[] Phrase, IReadOnlyList<string> Means)> _synonyms;
    private readonly IReadOnlyList<string> _knownWords;

    private SearchVocabulary(IReadOnlyList<(string[] Phrase, IReadOnlyList<string> Means)> synonyms, IReadOnlyList<string> knownWords)
    {
        _synonyms = synonyms;
        _knownWords = knownWords;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Take(MaxWords).ToList();

    public SearchPlan Plan(string query)
    {
        var words = Words(query);
        var significant = words.Where(w => !StopWords.Contains(w)).ToList();
        if (significant.Count == 0)
        {
            significant = words.ToList();
        }

        var added = _synonyms
            .Where(s => ContainsPhrase(words, s.Phrase))
            .SelectMany(s => s.Means)
            .Where(m => !significant.Contains(m))
            .Distinct()
            .ToList();
        var terms = significant.Distinct().Concat(added).ToList();
        var alternatives = terms.Select(ToPhrase).ToList();
        if (significant.Count > 1)
        {
            // The words side by side, as typed, outrank the same words scattered ("low potassium" vs "potassium-lowering").
            alternatives.Add(ToPhrase(string.Join(' ', significant)));
        }

        return new SearchPlan(significant, terms, alternatives.Distinct().ToList());
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

    private static bool ContainsPhrase(IReadOnlyList<string> words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Count; start++)
        {
            if (phrase.Select((p, i) => words[start + i] == p).All(match => match))
            {
                return true;
            }
        }

        return false;
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
