using BenchmarkDotNet.Attributes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Endpoints;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// bench/growth.sh's "a new search each request" row without HTTP: its 20 questions, each answered whole (plan, ranking,
/// snippets, notes, suggestions) as the endpoint does, one question per invocation in turn. Run it on grown data with
/// CRAMPKNOWLEDGE_BENCH_DATABASE and Knowledge__SeedDataPath to compare sizes.
/// </summary>
[MemoryDiagnoser]
public class GrowthSearchBenchmarks
{
    public static readonly string[] Questions =
    [
        "why do my legs cramp at night", "water pills", "calf cramp after running", "magnesium", "cholesterol drugs",
        "charley horse in bed", "cramps in pregnancy", "stretching before exercise", "dehydration", "foot cramps",
        "what helps a cramp", "low potassium", "when to see a doctor", "cramps and diabetes", "hot weather sweating",
        "massage for cramps", "poor circulation", "leg cramps elderly", "drink enough water", "muscle fatigue",
    ];

    private SearchVocabulary _vocabulary = null!;
    private KnowledgeSearch _search = null!;

    [GlobalSetup]
    public void SetUp()
    {
        var hosts = BenchHosts.GetAsync().GetAwaiter().GetResult();
        _vocabulary = hosts.Services.GetRequiredService<SearchVocabulary>();
        _search = hosts.Services.GetRequiredService<KnowledgeSearch>();
    }

    /// <summary>All 20 questions once: divide by 20 for one request's share.</summary>
    [Benchmark]
    public int AnswerAll()
    {
        var hits = 0;
        foreach (var question in Questions)
        {
            hits += SearchEndpoints.Answer(question, SearchQuery.DefaultTypes, SearchQuery.DefaultLimit, _vocabulary, _search).Hits.Count;
        }

        return hits;
    }
}
