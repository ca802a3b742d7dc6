using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Telemetry;

/// <summary>
/// The real process configured only by the standard OTEL_* environment variables, as an operator sets them, exporting
/// over OTLP (HTTP and protobuf) to a collector here that keeps the bodies: protobuf stores strings as plain UTF-8.
/// </summary>
public sealed class OtlpProcessTests
{
    [Fact]
    public async Task TheEnvironmentVariablesSendTracesWithTheRouteAndWithoutTheQuestion()
    {
        var received = new ConcurrentQueue<(string Path, string Body)>();
        var port = ApiProcess.FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"), environment: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "crampknowledge-e2e",
            // Export every 200 ms instead of every 5 s.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        (await api.Client.GetAsync(new Uri("/api/v1/search?q=quokkaphrase+cramps", UriKind.Relative))).Dispose();
        (await api.Client.GetAsync(new Uri("/health/ready", UriKind.Relative))).Dispose();

        string Exported(string path) => string.Concat(received.Where(r => r.Path == path).Select(r => r.Body));
        for (var waited = 0; waited < 20_000 && !(Exported("/v1/traces").Contains("/api/v1/search/", StringComparison.Ordinal)
            && Exported("/v1/metrics").Contains("crampknowledge.search.queries", StringComparison.Ordinal)); waited += 200)
        {
            await Task.Delay(200);
        }

        var traces = Exported("/v1/traces");
        Assert.Contains("GET /api/v1/search/", traces, StringComparison.Ordinal);
        Assert.Contains("crampknowledge-e2e", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("quokkaphrase", traces, StringComparison.Ordinal);
        Assert.DoesNotContain("/health", traces, StringComparison.Ordinal);
        var metrics = Exported("/v1/metrics");
        Assert.Contains("crampknowledge.search.queries", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("quokkaphrase", metrics, StringComparison.Ordinal);

        // Disposed by its using, without Stop first: Stop then Dispose binds the port again on Linux (see StaticSiteServer).
    }
}
