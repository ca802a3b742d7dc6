using System.Collections.Concurrent;
using System.Text;
using CrampKnowledge.Api.Tests.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CrampKnowledge.Api.Tests.Telemetry;

/// <summary>
/// Traces and metrics pushed over OTLP (HTTP and protobuf) to a collector configured only by the standard OTEL_*
/// settings. The collector here is a Kestrel app that keeps each request body: protobuf stores strings as plain UTF-8,
/// so what a span says, and what it must not say, can be read from the bytes.
/// </summary>
[Collection(CountedAlone.Name)]
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private WebApplication? _collector;
    private string _collectorUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _collector = builder.Build();
        _collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _received.Enqueue((context.Request.Path, body.ToArray()));
            return Results.Ok();
        });
        await _collector.StartAsync();
        _collectorUrl = _collector.Urls.Single();
    }

    public async Task DisposeAsync()
    {
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }
    }

    [Fact]
    public async Task TracesNameTheRouteButNeverTheQuestion()
    {
        using var factory = Api();
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/v1/search?q=quokkaphrase+cramps")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/v1/causes/dehydration")).EnsureSuccessStatusCode();
        (await client.GetAsync("/api/v1/causes/dehydration")).EnsureSuccessStatusCode();
        (await client.GetAsync("/health/ready")).EnsureSuccessStatusCode();

        var traces = await ExportedAsync("/v1/traces", () => factory.Services.GetRequiredService<TracerProvider>().ForceFlush(),
            text => Count(text, "/api/v1/causes/{id}") >= 2);

        Assert.Contains("GET /api/v1/search/", traces, StringComparison.Ordinal);
        // The second detail is replayed by the response cache and still traced under its route.
        Assert.True(Count(traces, "GET /api/v1/causes/{id}") >= 2, "the replayed detail has no span under its route");
        Assert.Contains("crampknowledge-api", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("quokkaphrase", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("q=", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("/health", traces, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsArePushedWithTheApisOwnMeter()
    {
        using var factory = Api();
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/v1/search?q=quokkaphrase")).EnsureSuccessStatusCode();

        var metrics = await ExportedAsync("/v1/metrics", () => factory.Services.GetRequiredService<MeterProvider>().ForceFlush(),
            text => text.Contains("crampknowledge.search.queries", StringComparison.Ordinal));

        Assert.Contains("no_hits", metrics, StringComparison.Ordinal);
        Assert.Contains("http.server.request.duration", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("quokkaphrase", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnEndpointNothingIsTraced()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync("/api/v1/causes")).EnsureSuccessStatusCode();

        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Empty(_received);
    }

    private ConfiguredApiFactory Api() => new(new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collectorUrl,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    });

    /// <summary>Everything the collector received on PATH as one text, flushing until it holds what is expected or 10 s pass.</summary>
    private async Task<string> ExportedAsync(string path, Func<bool> flush, Func<string, bool> complete)
    {
        var text = "";
        for (var waited = 0; waited < 10_000; waited += 100)
        {
            flush();
            text = string.Concat(_received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));
            if (complete(text))
            {
                break;
            }

            await Task.Delay(100);
        }

        return text;
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
