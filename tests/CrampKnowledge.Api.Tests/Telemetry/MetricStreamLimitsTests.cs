using CrampKnowledge.Api.Telemetry;
using CrampKnowledge.Api.Tests.Http;

namespace CrampKnowledge.Api.Tests.Telemetry;

/// <summary>
/// The lowered per-stream limits (<see cref="MetricStreamLimits"/>) change only how much room a stream reserves:
/// the request histogram keeps the buckets the dashboard's p50/p99 panels read, and every label set a run of
/// requests makes is kept as its own series, none folded into the overflow series.
/// </summary>
[Collection(CountedAlone.Name)]
public sealed class MetricStreamLimitsTests
{
    // ASP.NET Core's advised boundaries for http.server.request.duration, in seconds.
    private static readonly string[] RequestDurationBuckets =
        ["0.005", "0.01", "0.025", "0.05", "0.075", "0.1", "0.25", "0.5", "0.75", "1", "2.5", "5", "7.5", "10", "+Inf"];

    [Fact]
    public async Task TheRequestHistogramKeepsItsBucketsAndNoSeriesOverflows()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        string[] paths = ["/api/v1", "/api/v1/causes", "/api/v1/causes/dehydration", "/api/v1/causes/no-such-cause",
            "/api/v1/treatments?cause=dehydration", "/api/v1/search?q=night%20cramps", "/api/v1/search", "/health"];
        foreach (var path in paths)
        {
            await client.GetAsync(path);
        }

        var scrape = await MetricsEndpointTests.ScrapeWhenAsync(client,
            s => MetricsEndpointTests.Sum(s, "http_server_request_duration_seconds_count") >= paths.Length);

        // A bucket's count may be 0 (a first request can take longer than 5 ms): what matters is that it is served.
        var detailBuckets = scrape.Split('\n')
            .Where(line => line.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
                && line.Contains("http_route=\"/api/v1/causes/{id}\"", StringComparison.Ordinal)
                && line.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal))
            .ToList();
        foreach (var le in RequestDurationBuckets)
        {
            Assert.Contains(detailBuckets, line => line.Contains($"le=\"{le}\"", StringComparison.Ordinal));
        }

        Assert.Equal(RequestDurationBuckets.Length, detailBuckets.Count);

        Assert.DoesNotContain("otel_metric_overflow", scrape, StringComparison.Ordinal);
    }
}
