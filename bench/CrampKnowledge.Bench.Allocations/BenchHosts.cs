using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// The API and the reference app, started once per process and shared by every benchmark case:
/// starting a host per case would cost more than the cases themselves.
/// </summary>
internal sealed class BenchHosts
{
    public const string RedFlagCheckBody =
        $$"""{"description":"{{HotPathBenchmarks.Description}}","frequency":"often","painWhenWalking":true}""";

    private static readonly Lazy<Task<BenchHosts>> Shared = new(CreateAsync);

    private BenchHosts(HttpClient api, HttpClient reference, string listETag, IServiceProvider services)
    {
        Services = services;
        Api = api;
        Reference = reference;
        ListETag = listETag;
    }

    public HttpClient Api { get; }
    public HttpClient Reference { get; }
    public string ListETag { get; }

    /// <summary>The API's services, for benchmarks of one component without HTTP.</summary>
    public IServiceProvider Services { get; }

    public static Task<BenchHosts> GetAsync() => Shared.Value;

    private static async Task<BenchHosts> CreateAsync()
    {
        var factory = new BenchApiFactory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => factory.Dispose();
        var api = WithBenchHeaders(factory.Server.CreateClient());

        // The reference answers each path with the bytes the API gave for it; queries are ignored.
        var bodies = new Dictionary<string, ReferenceBody>();
        foreach (var (method, path) in new[]
        {
            ("GET", "/api/v1/causes"), ("GET", "/api/v1/treatments?cause=dehydration"), ("GET", "/api/v1/causes/dehydration"),
            ("GET", "/api/v1/search?q=why%20do%20my%20legs%20cramp%20at%20night"), ("POST", "/api/v1/red-flags/check"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new StringContent(RedFlagCheckBody, Encoding.UTF8, "application/json");
            }

            using var response = await api.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
            }

            bodies[path.Split('?')[0]] = new ReferenceBody(body, response.Content.Headers.ContentType!.ToString());
        }

        using var list = await api.GetAsync(new Uri("/api/v1/causes", UriKind.Relative));
        var etag = list.Headers.ETag?.ToString() ?? throw new InvalidOperationException("GET /api/v1/causes has no ETag.");
        var reference = WithBenchHeaders(await ReferenceHost.StartAsync(bodies));
        return new BenchHosts(api, reference, etag, factory.Services);
    }

    // As bench/run.sh sends them: JSON, and no compression, for a byte-for-byte comparison.
    private static HttpClient WithBenchHeaders(HttpClient client)
    {
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        return client;
    }
}
