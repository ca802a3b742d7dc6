using System.Text.RegularExpressions;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Search;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// SearchVocabulary.Plan as it was written with a regular expression and LINQ, before it was made
/// cheap for the request path: the differential tests hold the new planner to it.
/// </summary>
internal sealed partial class ReferenceSearchPlanner(KnowledgeSnapshot snapshot)
{
    // The word list (and that counts in digits are stop words) is data, not the algorithm under test: the oracle reads the same.
    private static bool IsStopWord(string word) => SearchVocabulary.IsStopWord(word);

    private readonly List<(string[] Phrase, List<string> Means)> _synonyms = snapshot.Synonyms
        .GroupBy(s => s.Phrase)
        .Select(g => (Words(g.Key).ToArray(), g.Select(s => s.Means).ToList()))
        .ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    public static List<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Take(32).ToList();

    public SearchPlan Plan(string query)
    {
        var words = WithoutReportingFrame(Words(query));
        var significant = words.Where(w => !IsStopWord(w)).ToList();
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
            alternatives.Add(ToPhrase(string.Join(' ', significant)));
        }

        return new SearchPlan(significant, terms, alternatives.Distinct().ToList());
    }

    // A question's opening "my doctor said" or "I read that": the words after the last reporting word among the first few,
    // when a word other than stop words follows it.
    private static List<string> WithoutReportingFrame(List<string> words)
    {
        var frameEnd = words.Take(SearchVocabulary.ReportingFrameWords).ToList().FindLastIndex(SearchVocabulary.ReportingWords.Contains);
        var rest = words.Skip(frameEnd + 1).ToList();
        return frameEnd >= 0 && rest.Exists(w => !IsStopWord(w)) ? rest : words;
    }

    private static SearchPhrase ToPhrase(string term)
    {
        var words = Words(term);
        if (words.Count != 1)
        {
            return new SearchPhrase(string.Join(' ', words), IsPrefix: false);
        }

        var stem = SearchVocabulary.Stem(words[0]);
        return stem.Length >= 3 ? new SearchPhrase(stem, IsPrefix: true) : new SearchPhrase(words[0], IsPrefix: false);
    }

    private static bool ContainsPhrase(List<string> words, string[] phrase)
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
}
