using System.Reflection;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Search;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// The in-memory index against <see cref="ReferenceFtsSearch"/>, the SQLite FTS5 query it replaced:
/// for every question the search tests ask, every word and prefix of the corpus, its phrases and
/// synonyms, every types combination, several limits and thousands of generated questions, the same
/// plan as <see cref="ReferenceSearchPlanner"/> made and the same hits in the same order with the same
/// score and snippet. Exact equality, no tolerance. The one thing FTS5 cannot express is a prefix that
/// leaves out words which only begin with its letters ("als" matches also in FTS5, not here): questions
/// whose plan has such a prefix are counted and left out of the comparison (SearchHonestyTests covers them).
/// </summary>
public sealed class SearchIndexDifferentialTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>, IDisposable
{
    private const int Seed = 20240611;
    private static readonly int[] PhraseLengths = [2, 3, 4];

    private readonly SearchVocabulary _vocabulary = factory.Services.GetRequiredService<SearchVocabulary>();
    private readonly KnowledgeSearch _search = factory.Services.GetRequiredService<KnowledgeSearch>();
    private readonly SearchIndex _index = factory.Services.GetRequiredService<SearchIndex>();
    private readonly KnowledgeSnapshot _snapshot = factory.Services.GetRequiredService<KnowledgeSnapshot>();
    private readonly ReferenceFtsSearch _reference = new(factory.DatabasePath);
    private readonly ReferenceSearchPlanner _referencePlanner = new(factory.Services.GetRequiredService<KnowledgeSnapshot>());
    private readonly Dictionary<string, int> _allWithPrefix = new(StringComparer.Ordinal);

    public void Dispose() => _reference.Dispose();

    [Fact]
    public void TheSearchTestsQuestionsGetTheSameHitsWithEveryTypesCombination()
    {
        var questions = QuestionsOf(typeof(SearchRelevanceTests)).Concat(QuestionsOf(typeof(SearchSafetyTests)))
            .Concat(QuestionsOf(typeof(SearchHonestyTests))).Concat(QuestionsOf(typeof(SearchQuestionReadingTests)))
            .Concat(["why do my legs cramp at night", "cramps legs muscles", "Prairie Path", "water pills", "NEAR(\"water\" \"pills\") AND -*"])
            .Where(q => SearchVocabulary.Words(q).Count > 0)
            .Distinct()
            .ToList();

        var compared = Compare(questions.SelectMany(q => TypeCombinations().Select(types => (q, types, 50))));

        Assert.True(questions.Count > 70, $"only {questions.Count} questions");
        Assert.True(compared.Hits > 10_000, $"only {compared.Hits} hits compared");
    }

    [Fact]
    public void EveryWordOfTheCorpusAndItsPrefixesGetTheSameHits()
    {
        var words = _index.Terms.ToList();
        var prefixes = words.Where(w => w.Length > 4).Select(w => w[..(3 + (w.Length % (w.Length - 3)))]).Distinct().ToList();

        var compared = Compare(words.Concat(prefixes).SelectMany(w => new[]
        {
            (w, SearchQuery.DefaultTypes, 10), (w, SearchQuery.KnownTypes, 50),
        }));

        Assert.True(words.Count > 1_000, $"only {words.Count} words");
        Assert.True(compared.Hits > 10_000, $"only {compared.Hits} hits compared");
    }

    [Fact]
    public void PhrasesAndSynonymsOfTheCorpusGetTheSameHits()
    {
        var texts = _snapshot.Records.SelectMany(r => r.Aliases.Append(r.Name).Append(r.Summary).Concat(r.Citations.Select(c => c.Quote)))
            .Concat(_snapshot.Sources.Select(s => s.Detail.Summary));
        var phrases = texts.Select(SearchVocabulary.Words)
            .SelectMany(words => Enumerable.Range(0, words.Count).SelectMany(i => PhraseLengths
                .Where(n => i + n <= words.Count).Select(n => string.Join(' ', words.Skip(i).Take(n)))))
            .Concat(_snapshot.Synonyms.Select(s => s.Phrase))
            .Concat(_snapshot.Synonyms.Select(s => s.Means))
            .Distinct()
            .ToList();

        var compared = Compare(phrases.SelectMany(p => new[] { (p, SearchQuery.DefaultTypes, 10), (p, SearchQuery.KnownTypes, 50) }));

        Assert.True(phrases.Count > 2_000, $"only {phrases.Count} phrases");
        Assert.True(compared.Hits > 50_000, $"only {compared.Hits} hits compared");
    }

    [Fact]
    public void GeneratedQuestionsGetTheSameHitsAtEveryLimit()
    {
        var random = new Random(Seed);
        var words = _index.Terms.ToList();
        string[] filler = ["why", "do", "my", "at", "the", "and", "cramp", "cramps", "leg", "night", "water", "pills", "é", "x"];
        string Word() => random.Next(4) == 0 ? filler[random.Next(filler.Length)] : words[random.Next(words.Count)];
        string Spelling(string word) => random.Next(6) switch
        {
            0 => word.ToUpperInvariant(),
            1 => word + "ing",
            2 => word + "s",
            3 when word.Length > 4 => word[..^2],
            _ => word,
        };
        int[] limits = [1, 3, 10, 50];
        var questions = Enumerable.Range(0, 8_000).Select(_ =>
        {
            var question = string.Join(random.Next(3) == 0 ? ", " : " ", Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Spelling(Word())));
            var types = TypeCombinations()[random.Next(31)];
            return (question, types, limits[random.Next(limits.Length)]);
        }).ToList();

        var compared = Compare(questions);

        Assert.True(compared.Hits > 20_000, $"only {compared.Hits} hits compared");
    }

    private (int Queries, int Hits) Compare(IEnumerable<(string Question, IReadOnlyList<string> Types, int Limit)> queries)
    {
        var (count, hits, narrowed) = (0, 0, 0);
        var differences = new List<string>();
        foreach (var (question, types, limit) in queries)
        {
            var plan = _vocabulary.Plan(question);
            if (LeavesOutPrefixTerms(plan))
            {
                narrowed++;
                continue;
            }

            var formerPlan = _referencePlanner.Plan(question);
            Assert.Equal(formerPlan.Words, plan.Words);
            Assert.Equal(formerPlan.Terms, plan.Terms);
            Assert.Equal(formerPlan.Phrases, plan.Phrases);
            Assert.Equal(ReferenceFtsSearch.FormerMatchExpression(plan), ReferenceFtsSearch.MatchExpression(plan));
            var expected = _reference.Find(plan, types, limit);
            var actual = _search.Find(plan, types, limit).Select(h => (h.Type, h.Id, h.Score, h.Snippet)).ToList();
            count++;
            hits += expected.Count;
            if (!expected.SequenceEqual(actual) && differences.Count < 10)
            {
                var first = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
                    .First(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i]);
                differences.Add($"'{question}' [{string.Join(',', types)}] limit {limit}, hit {first}: "
                    + $"FTS5 {(first < expected.Count ? expected[first].ToString() : "none")} ({expected.Count} hits), "
                    + $"index {(first < actual.Count ? actual[first].ToString() : "none")} ({actual.Count} hits)");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        output.WriteLine($"{count} queries, {hits} hits compared; {narrowed} left out (a prefix narrower than FTS5's)");
        Assert.True(narrowed < count, $"{narrowed} of {count + narrowed} queries left out");
        return (count, hits);
    }

    /// <summary>True when a prefix phrase of the plan matches fewer terms than FTS5's prefix query would.</summary>
    private bool LeavesOutPrefixTerms(SearchPlan plan)
    {
        foreach (var phrase in plan.Phrases)
        {
            if (!phrase.IsPrefix)
            {
                continue;
            }

            var text = phrase.Text.AsSpan();
            var folded = new char[text.Length];
            var (position, last) = (0, "");
            while (Unicode61Tokenizer.Next(text, ref position, folded, out _, out _, out var length))
            {
                last = new string(folded, 0, length);
            }

            if (!_allWithPrefix.TryGetValue(last, out var all))
            {
                all = _allWithPrefix[last] = _index.Terms.Count(t => t.StartsWith(last, StringComparison.Ordinal));
            }

            var range = _index.Find(last, prefix: true);
            if (Enumerable.Range(range.From, range.To - range.From).Count(range.Contains) != all)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> QuestionsOf(Type tests) =>
        tests.GetMethods().SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>())
            .SelectMany(a => a.GetData(null!))
            .Select(row => row[0]).OfType<string>()
            .ToList();

    /// <summary>Every non-empty set of types, in the order the query string would list them.</summary>
    private static List<IReadOnlyList<string>> TypeCombinations() =>
        Enumerable.Range(1, 31).Select(mask => (IReadOnlyList<string>)SearchQuery.KnownTypes.Where((_, i) => (mask & (1 << i)) != 0).ToList()).ToList();
}
