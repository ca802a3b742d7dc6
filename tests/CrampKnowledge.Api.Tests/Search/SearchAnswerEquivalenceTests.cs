using System.Reflection;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Bench.Growth;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// <see cref="KnowledgeSearch.Answer"/>, which touches only the rows phrases reach and adds floored phrases only where
/// they could change the ranking, against <see cref="ReferenceKnowledgeSearch"/>, the answer as it was computed before
/// over every row: for the benchmark's questions, every question the search tests ask and hundreds of generated ones
/// (record names, aliases, generic words, stop words, prefixes, synonyms, unknown words), with several types filters and
/// limits, on the real data and on ten times as much, the same hits in the same order with the same scores and snippets,
/// and the same unmatched words. Exact equality, no tolerance.
/// </summary>
public sealed class SearchAnswerEquivalenceTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>, IDisposable
{
    private const int Seed = 20261206;

    // bench/growth.sh's search row.
    private static readonly string[] BenchmarkQuestions =
    [
        "why do my legs cramp at night", "water pills", "calf cramp after running", "magnesium", "cholesterol drugs",
        "charley horse in bed", "cramps in pregnancy", "stretching before exercise", "dehydration", "foot cramps",
        "what helps a cramp", "low potassium", "when to see a doctor", "cramps and diabetes", "hot weather sweating",
        "massage for cramps", "poor circulation", "leg cramps elderly", "drink enough water", "muscle fatigue",
    ];

    private static readonly string[] UnknownWords = ["thigh", "zzyzx", "als", "numbness", "jaw", "dehidration", "é", "x", "2402"];

    private readonly string _root = Directory.CreateTempSubdirectory("crampknowledge-answers-").FullName;

    [Fact]
    public void EveryQuestionGetsTheSameAnswerAsTheFormerSearch()
    {
        var compared = Compare(factory, generated: 1500);

        Assert.True(compared.Hits > 20_000, $"only {compared.Hits} hits compared");
    }

    [Fact]
    public void AtTenTimesTheContentEveryQuestionGetsTheSameAnswerAsTheFormerSearch()
    {
        var seed = Path.Combine(_root, "seed-data");
        SyntheticSeedData.Generate(TestJson.SeedDirectory, seed, 10);
        using var api = new ApiFactory { DatabasePath = Path.Combine(_root, "knowledge.db"), SeedDataPath = seed };

        var compared = Compare(api, generated: 300);

        Assert.True(compared.Hits > 20_000, $"only {compared.Hits} hits compared");
        ApiFactory.ReleaseFile(Path.Combine(_root, "knowledge.db"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int Queries, int Hits) Compare(ApiFactory api, int generated)
    {
        var vocabulary = api.Services.GetRequiredService<SearchVocabulary>();
        var search = api.Services.GetRequiredService<KnowledgeSearch>();
        var reference = new ReferenceKnowledgeSearch(api.Services.GetRequiredService<SearchIndex>(), api.Services.GetRequiredService<SearchCautions>());
        var random = new Random(Seed);
        var questions = BenchmarkQuestions.Concat(TestQuestions()).Concat(Generated(api.Services.GetRequiredService<KnowledgeSnapshot>(), random, generated))
            .Where(q => SearchVocabulary.Words(q).Count > 0)
            .Distinct()
            .ToList();
        IReadOnlyList<string>[] typeFilters =
        [
            SearchQuery.DefaultTypes, SearchQuery.KnownTypes, ["red-flag"], ["treatment", "prevention"], ["cause", "source"],
        ];
        int[] limits = [1, 3, SearchQuery.DefaultLimit, SearchQuery.MaxLimit];

        var (queries, hits) = (0, 0);
        var differences = new List<string>();
        foreach (var question in questions)
        {
            var plan = vocabulary.Plan(question);
            foreach (var types in typeFilters)
            {
                var limit = limits[random.Next(limits.Length)];
                var expected = reference.Answer(plan, types, limit);
                var actual = search.Answer(plan, types, limit);
                queries++;
                hits += expected.Hits.Count;
                if ((!expected.Hits.SequenceEqual(actual.Hits) || !expected.UnmatchedTerms.SequenceEqual(actual.UnmatchedTerms)) && differences.Count < 10)
                {
                    differences.Add($"'{question}' [{string.Join(',', types)}] limit {limit}:\n  former {Describe(expected)}\n  now    {Describe(actual)}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        output.WriteLine($"{questions.Count} questions, {queries} queries, {hits} hits compared");
        return (queries, hits);
    }

    private static string Describe(SearchAnswer answer) =>
        $"[{string.Join(", ", answer.Hits.Select(h => $"{h.Id} {h.Score}"))}] unmatched [{string.Join(",", answer.UnmatchedTerms)}]";

    /// <summary>The questions of the search tests' theories.</summary>
    private static IEnumerable<string> TestQuestions() =>
        new[] { typeof(SearchRelevanceTests), typeof(SearchSafetyTests), typeof(SearchHonestyTests), typeof(SearchQuestionReadingTests) }
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>())
            .SelectMany(a => a.GetData(null!))
            .Select(row => row[0]).OfType<string>();

    /// <summary>
    /// Questions of one to five parts: a record's name or alias, a word of a summary or quote, a generic or stop word, the
    /// first letters of a word, a synonym's phrase or an unknown word; sometimes with a relief word ("stop", "now") or an asking
    /// word ("help", "work"), whose question ranks its subject first.
    /// </summary>
    private static IEnumerable<string> Generated(KnowledgeSnapshot snapshot, Random random, int count)
    {
        var names = snapshot.Records.SelectMany(r => r.Aliases.Append(r.Name)).ToList();
        var words = snapshot.Records.SelectMany(r => SearchVocabulary.Words(r.Summary).Concat(r.Citations.SelectMany(c => SearchVocabulary.Words(c.Quote))))
            .Distinct().ToList();
        var generic = SearchVocabulary.GenericWords.ToList();
        var stop = SearchVocabulary.StopWords.ToList();
        var synonyms = snapshot.Synonyms.Select(s => s.Phrase).Distinct().ToList();
        string[] relief = ["stop", "now", "relieve", "prevent", "stop getting", "help", "does it help", "work", "good"];
        string Part() => random.Next(9) switch
        {
            0 or 1 => names[random.Next(names.Count)],
            2 or 3 => words[random.Next(words.Count)],
            4 => generic[random.Next(generic.Count)],
            5 => stop[random.Next(stop.Count)],
            6 => words[random.Next(words.Count)] is { Length: > 4 } word ? word[..(3 + random.Next(word.Length - 3))] : "cra",
            7 => synonyms[random.Next(synonyms.Count)],
            _ => random.Next(3) == 0 ? relief[random.Next(relief.Length)] : UnknownWords[random.Next(UnknownWords.Length)],
        };

        for (var i = 0; i < count; i++)
        {
            yield return string.Join(random.Next(4) == 0 ? ", " : " ", Enumerable.Range(0, 1 + random.Next(5)).Select(_ => Part()));
        }
    }
}
