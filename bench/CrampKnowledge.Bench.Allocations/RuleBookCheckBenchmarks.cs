using BenchmarkDotNet.Attributes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.RedFlagChecks;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// The red-flag rule book alone, without HTTP, JSON or validation: what matching a description
/// against every trigger costs. "hot-path" is the request the HTTP benchmarks send; "long" is a
/// description near the 2,000-character limit that matches many red flags.
/// </summary>
[MemoryDiagnoser]
public class RuleBookCheckBenchmarks
{
    private const string LongDescription =
        "I keep getting cramps in my calf most nights and they wake me up, sometimes several times a week. "
        + "My legs hurt when I walk and the pain gets worse at rest, especially when I raise my leg on a pillow. "
        + "The calf is swollen, red and warm to the touch, and it's still sore the next day. I'm taking water pills "
        + "and statins for my heart, and my doctor said I have poor circulation and kidney disease. After the same "
        + "distance every time I have to stop walking. My foot feels numb and tingling, and there's weakness in the "
        + "muscle. I've been drinking a lot of alcohol lately and I'm pregnant. The cramps last for hours and "
        + "I can't sleep. I also fell and injured my ankle yesterday and it's bruised. Stretching and massage don't "
        + "help anymore. Sometimes there's sudden sharp pain in the back of my knee and my skin looks pale or blue.";

    private RedFlagRuleBook _rules = null!;
    private CheckInput _input = null!;

    [Params("hot-path", "long")]
    public string Description { get; set; } = "hot-path";

    [GlobalSetup]
    public void SetUp()
    {
        var hosts = BenchHosts.GetAsync().GetAwaiter().GetResult();
        _rules = hosts.Services.GetRequiredService<RedFlagRuleBook>();
        var request = Description == "long"
            ? new RedFlagCheckRequest(LongDescription, Frequency: "often", PainWhenWalking: true)
            : new RedFlagCheckRequest(HotPathBenchmarks.Description, Frequency: "often", PainWhenWalking: true);
        _input = CheckInput.From(request, hosts.Services.GetRequiredService<RecordDirectory>());
    }

    [Benchmark]
    public int Check() => _rules.Check(_input).Count;
}
