using System.Net.Http.Headers;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// The requests bench/run.sh measures with wrk, sent in process through TestServer. "api" is the
/// real pipeline (Production settings, logging off); "reference" is a bare app answering the
/// same bytes, so the difference between the two rows is what the API itself allocates.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    public const string Description = "I get cramps several times a week and my legs hurt when I walk";

    private const string SearchPath = "/api/v1/search?q=why%20do%20my%20legs%20cramp%20at%20night";
    private static long _unique;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private HttpClient _client = null!;
    private string _etag = "";

    [Params("api", "reference")]
    public string Target { get; set; } = "api";

    // Synchronous: BenchmarkDotNet 0.14's in-process toolchain does not await an async setup.
    [GlobalSetup]
    public void SetUp()
    {
        var hosts = BenchHosts.GetAsync().GetAwaiter().GetResult();
        _client = Target == "api" ? hosts.Api : hosts.Reference;
        _etag = hosts.ListETag;
    }

    [Benchmark]
    public Task<int> List() => Send(HttpMethod.Get, "/api/v1/causes");

    [Benchmark]
    public Task<int> Filter() => Send(HttpMethod.Get, "/api/v1/treatments?cause=dehydration");

    [Benchmark]
    public Task<int> Detail() => Send(HttpMethod.Get, "/api/v1/causes/dehydration");

    [Benchmark]
    public Task<int> Search() => Send(HttpMethod.Get, SearchPath);

    // A query parameter the API ignores but the output cache keys on: every request is a miss.
    [Benchmark]
    public Task<int> ListUncached() => Send(HttpMethod.Get, $"/api/v1/causes?n={Interlocked.Increment(ref _unique)}");

    [Benchmark]
    public Task<int> FilterUncached() => Send(HttpMethod.Get, $"/api/v1/treatments?cause=dehydration&n={Interlocked.Increment(ref _unique)}");

    [Benchmark]
    public Task<int> DetailUncached() => Send(HttpMethod.Get, $"/api/v1/causes/dehydration?n={Interlocked.Increment(ref _unique)}");

    [Benchmark]
    public Task<int> SearchUncached() => Send(HttpMethod.Get, $"{SearchPath}&n={Interlocked.Increment(ref _unique)}");

    [Benchmark]
    public Task<int> RedFlagCheck() => Send(HttpMethod.Post, "/api/v1/red-flags/check", BenchHosts.RedFlagCheckBody);

    [Benchmark]
    public Task<int> NotModified() => Send(HttpMethod.Get, "/api/v1/causes", ifNoneMatch: _etag);

    private async Task<int> Send(HttpMethod method, string path, string? body = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        while (await stream.ReadAsync(_buffer) > 0)
        {
        }

        return (int)response.StatusCode;
    }
}
