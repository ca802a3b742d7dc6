using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CrampKnowledge.Api.Tests.Http;
using CrampKnowledge.Api.Tests.Mcp;

namespace CrampKnowledge.Api.Tests.Telemetry;

/// <summary>
/// /metrics as Prometheus scrapes it: ASP.NET Core's and the runtime's meters, the API's own, and nothing a person typed.
/// Each test has a host of its own, so counts start at zero.
/// </summary>
[Collection(CountedAlone.Name)]
public sealed partial class MetricsEndpointTests
{
    [Fact]
    public async Task ServesTheRequestMetricsUnderTheirRoutesAndTheRuntimes()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/v1/causes/dehydration")).EnsureSuccessStatusCode();

        // ASP.NET Core records a request's duration after the response has gone, so the client can scrape first.
        var scrape = await ScrapeWhenAsync(client, s => Sum(s, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/causes/{id}")) >= 1);

        Assert.Equal(1, Value(scrape, "http_server_request_duration_seconds_count",
            ("http_route", "/api/v1/causes/{id}"), ("http_request_method", "GET"), ("http_response_status_code", "200")));
        Assert.True(Value(scrape, "dotnet_gc_heap_total_allocated_bytes_total") > 0, "the runtime's meters are missing");
        Assert.True(Value(scrape, "dotnet_thread_pool_thread_count") > 0);
        Assert.Contains("service_name=\"crampknowledge-api\"", scrape, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountsRedFlagChecksBySeeDoctorLevelWithoutTheirWords()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        // Words the articles never mention make the answer "unknown"; a plain cramp with no warning sign answers "none".
        (await client.PostAsJsonAsync("/api/v1/red-flags/check", new { description = "my calf cramps and my zebrafinch-toe tingles" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/red-flags/check", new { description = "my calf cramps and my zebrafinch-toe tingles" })).EnsureSuccessStatusCode();
        var none = await client.PostAsJsonAsync("/api/v1/red-flags/check", new { description = "a cramp in my calf last night" });
        Assert.Equal("none", (await none.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("seeDoctor").GetString());

        var scrape = await ScrapeAsync(client);

        Assert.Equal(2, Value(scrape, "crampknowledge_red_flag_checks_total", ("see_doctor", "unknown"), ("via", "http")));
        Assert.Equal(1, Value(scrape, "crampknowledge_red_flag_checks_total", ("see_doctor", "none"), ("via", "http")));
        Assert.DoesNotContain("zebrafinch", scrape, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("calf", scrape, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CountsSearchesWithNoHitsAndReplaysFromTheResponseCache()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            // The second and third are replayed by the response cache, without running the endpoint.
            (await client.GetAsync("/api/v1/search?q=night+cramps")).EnsureSuccessStatusCode();
        }

        (await client.GetAsync("/api/v1/search?q=quokkaphrase")).EnsureSuccessStatusCode();

        var scrape = await ScrapeWhenAsync(client, s => Sum(s, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/search/")) >= 4);

        Assert.Equal(3, Value(scrape, "crampknowledge_search_queries_total", ("result", "hits"), ("via", "http")));
        Assert.Equal(1, Value(scrape, "crampknowledge_search_queries_total", ("result", "no_hits"), ("via", "http")));
        Assert.Equal(1, Value(scrape, "crampknowledge_response_cache_lookups_total", ("result", "hit")));
        Assert.Equal(3, Value(scrape, "crampknowledge_response_cache_lookups_total", ("result", "miss")));
        // A replay is measured under the route of the endpoint that made it.
        Assert.Equal(4, Value(scrape, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/search/")));
        Assert.DoesNotContain("quokkaphrase", scrape, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("night", scrape, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CountsAnAgentsSearchesAndChecksUnderMcp()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        await using (var agent = await AgentClient.ConnectAsync(factory))
        {
            (await agent.CallAsync("search_knowledge", new { q = "quokkaphrase" })).Structured();
            (await agent.CallAsync("check_red_flags", new { description = "my calf cramps and my zebrafinch-toe tingles" })).Structured();
        }

        var scrape = await ScrapeAsync(client);

        Assert.Equal(1, Value(scrape, "crampknowledge_search_queries_total", ("result", "no_hits"), ("via", "mcp")));
        Assert.Equal(1, Value(scrape, "crampknowledge_red_flag_checks_total", ("see_doctor", "unknown"), ("via", "mcp")));
        Assert.Equal(0, Sum(scrape, "crampknowledge_search_queries_total", ("via", "http")));
        Assert.DoesNotContain("quokkaphrase", scrape, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("zebrafinch", scrape, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ScrapesAreOutsideTheRateLimitWhichCountsItsRejections()
    {
        using var factory = new ConfiguredApiFactory(new Dictionary<string, string>
        {
            ["Http:RateLimit:Enabled"] = "true",
            ["Http:RateLimit:PermitLimit"] = "2",
            ["Http:RateLimit:WindowSeconds"] = "60",
        });
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/treatments")).StatusCode);
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        for (var i = 0; i < 5; i++)
        {
            await ScrapeAsync(client);
        }

        var scrape = await ScrapeWhenAsync(client, s => Sum(s, "http_server_request_duration_seconds_count", ("http_response_status_code", "429")) >= 2);

        Assert.Equal(2, Value(scrape, "aspnetcore_rate_limiting_requests_total", ("aspnetcore_rate_limiting_result", "global_limiter")));
        Assert.Equal(2, Value(scrape, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/treatments/"), ("http_response_status_code", "429")));
    }

    [Fact]
    public async Task TheScrapeIsNeitherCachedNorInTheApiDescription()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var first = await ScrapeAsync(client);
        (await client.GetAsync("/api/v1/causes")).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        var second = await ScrapeWhenAsync(client, s => Sum(s, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/causes/")) >= 1);

        Assert.NotEqual(first, second);
        Assert.Equal(1, Value(second, "http_server_request_duration_seconds_count", ("http_route", "/api/v1/causes/")));
        var document = await client.GetStringAsync("/swagger/v1/swagger.json");
        Assert.DoesNotContain("\"/metrics\"", document, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Telemetry:Enabled")]
    [InlineData("Telemetry:Prometheus:Enabled")]
    public async Task ConfigurationClosesTheScrapeEndpoint(string setting)
    {
        using var factory = new ConfiguredApiFactory(new Dictionary<string, string> { [setting] = "false" });
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/v1/search?q=cramps")).EnsureSuccessStatusCode();

        using var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TheScrapePathIsConfigurable()
    {
        using var factory = new ConfiguredApiFactory(new Dictionary<string, string> { ["Telemetry:Prometheus:Path"] = "/internal/metrics" });
        using var client = factory.CreateClient();

        using var moved = await client.GetAsync("/internal/metrics");
        using var old = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    internal static async Task<string> ScrapeWhenAsync(HttpClient client, Func<string, bool> ready)
    {
        var scrape = await ScrapeAsync(client);
        for (var waited = 0; !ready(scrape) && waited < 5000; waited += 50)
        {
            await Task.Delay(50);
            scrape = await ScrapeAsync(client);
        }

        return scrape;
    }

    internal static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's samples whose labels include every one given (Prometheus' text format); the metric must be there.</summary>
    internal static double Value(string scrape, string metric, params (string Label, string Value)[] labels)
    {
        Assert.True(SampleLine().Matches(scrape).Any(m => m.Groups["name"].Value == metric), $"{metric} is not in the scrape");
        return Sum(scrape, metric, labels);
    }

    internal static double Sum(string scrape, string metric, params (string Label, string Value)[] labels) =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == metric)
            .Where(m => labels.All(l => m.Groups["labels"].Value.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture));

    // Label values are quoted and may hold braces (a route such as /api/v1/causes/{id}).
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^}""]|""(?:[^""\\]|\\.)*"")*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
