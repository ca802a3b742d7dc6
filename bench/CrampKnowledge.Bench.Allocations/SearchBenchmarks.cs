using BenchmarkDotNet.Attributes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// Search alone, without HTTP, JSON or validation: turning the question into a plan, and finding
/// and ranking the hits with their snippets. "night" is the question the HTTP benchmarks send.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private static readonly Dictionary<string, string> Questions = new()
    {
        ["night"] = "why do my legs cramp at night",
        ["charley"] = "charley horse",
        ["prefix"] = "dehydrat",
        ["long"] = "i take statins and get leg cramps when i walk",
    };

    private SearchVocabulary _vocabulary = null!;
    private KnowledgeSearch _search = null!;
    private SearchPlan _plan = null!;
    private string _question = "";

    [Params("night", "charley", "prefix", "long")]
    public string Question { get; set; } = "night";

    [GlobalSetup]
    public void SetUp()
    {
        var hosts = BenchHosts.GetAsync().GetAwaiter().GetResult();
        _vocabulary = hosts.Services.GetRequiredService<SearchVocabulary>();
        _search = hosts.Services.GetRequiredService<KnowledgeSearch>();
        _question = Questions[Question];
        _plan = _vocabulary.Plan(_question);
    }

    [Benchmark]
    public int Plan() => _vocabulary.Plan(_question).Terms.Count;

    [Benchmark]
    public int Find() => _search.Find(_plan, SearchQuery.DefaultTypes, SearchQuery.DefaultLimit).Count;

    [Benchmark]
    public int PlanAndFind() => _search.Find(_vocabulary.Plan(_question), SearchQuery.DefaultTypes, SearchQuery.DefaultLimit).Count;
}
