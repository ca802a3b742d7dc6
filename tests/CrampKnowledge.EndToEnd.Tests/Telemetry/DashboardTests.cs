using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrampKnowledge.EndToEnd.Tests.ScaleOut;

namespace CrampKnowledge.EndToEnd.Tests.Telemetry;

/// <summary>
/// deploy/grafana's dashboard read as Grafana's JSON model, and each of its queries asked of a real Prometheus
/// (Debian's) that scraped a real API process: a panel whose metric or label is misspelt would show "No data".
/// </summary>
public sealed partial class DashboardTests
{
    public const string Prometheus = "prometheus";
    public const string PromTool = "promtool";

    private static readonly string[] PanelTypes = ["row", "timeseries"];

    private static readonly string DashboardFile = RepositoryRoot.File("deploy", "grafana", "crampknowledge-api.json");

    [Fact]
    public void TheDashboardIsAGrafanaModelWhosePanelsFitTheGrid()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardFile));
        var root = dashboard.RootElement;

        Assert.Equal("crampknowledge-api", root.GetProperty("uid").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.InRange(root.GetProperty("schemaVersion").GetInt32(), 30, 50);
        var variables = root.GetProperty("templating").GetProperty("list").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToHashSet();
        Assert.Equal(["datasource", "job", "instance"], variables);

        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        var occupied = new HashSet<(int X, int Y)>();
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            var grid = panel.GetProperty("gridPos");
            int x = grid.GetProperty("x").GetInt32(), y = grid.GetProperty("y").GetInt32();
            int w = grid.GetProperty("w").GetInt32(), h = grid.GetProperty("h").GetInt32();
            Assert.True(x >= 0 && w > 0 && x + w <= 24 && h > 0, $"{title} does not fit Grafana's 24 columns");
            for (var column = x; column < x + w; column++)
            {
                for (var line = y; line < y + h; line++)
                {
                    Assert.True(occupied.Add((column, line)), $"{title} overlaps another panel at ({column}, {line})");
                }
            }

            Assert.Contains(panel.GetProperty("type").GetString(), PanelTypes);
            if (panel.GetProperty("type").GetString() == "row")
            {
                continue;
            }

            Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.False(string.IsNullOrWhiteSpace(panel.GetProperty("description").GetString()), $"{title} has no description");
            var targets = panel.GetProperty("targets").EnumerateArray().ToList();
            Assert.NotEmpty(targets);
            Assert.Equal(targets.Count, targets.Select(t => t.GetProperty("refId").GetString()).Distinct().Count());
            foreach (var expression in targets.Select(t => t.GetProperty("expr").GetString()!))
            {
                // Every variable a query uses is defined here or is one of Grafana's own.
                Assert.All(Variable().Matches(expression).Select(m => m.Groups["name"].Value),
                    name => Assert.True(variables.Contains(name) || name.StartsWith("__", StringComparison.Ordinal), $"{title}: ${name} is not defined"));
            }
        }
    }

    [RequiresToolsFact(Prometheus, PromTool)]
    public async Task EveryDashboardQueryAnswersFromARealScrape()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"), environment: new Dictionary<string, string>
        {
            ["Http__RateLimit__Enabled"] = "true",
            ["Http__RateLimit__PermitLimit"] = "40",
            ["Http__RateLimit__WindowSeconds"] = "60",
        });
        var config = temp.File("prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: crampknowledge-api
                static_configs:
                  - targets: ["{api.BaseAddress.Authority}"]
            """);
        var (checkExit, checkOutput) = await ExternalTools.RunAsync(PromTool, ["check", "config", config], TimeSpan.FromSeconds(20));
        Assert.True(checkExit == 0, checkOutput);

        await using var prometheus = await PrometheusProcess.StartAsync(config, temp.File("data"));
        // Prometheus hands discovered targets to its scrapers every 5 s: wait for the first scrape before the load.
        await prometheus.WaitForAsync("up{job=\"crampknowledge-api\"} == 1");
        await ServeEveryKindOfAnswerAsync(api.Client);
        // rate() needs two scrapes after the load inside its window.
        await prometheus.WaitForAsync("crampknowledge_red_flag_checks_total");
        await Task.Delay(TimeSpan.FromSeconds(3));

        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardFile));
        var queries = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => (Panel: p.GetProperty("title").GetString()!, Expr: t.GetProperty("expr").GetString()!)))
            .ToList();
        Assert.True(queries.Count >= 15);
        var empty = new List<string>();
        foreach (var (panel, expression) in queries)
        {
            var concrete = expression.Replace("$job", ".+", StringComparison.Ordinal).Replace("$instance", ".+", StringComparison.Ordinal)
                .Replace("$__rate_interval", "30s", StringComparison.Ordinal);
            var result = await prometheus.QueryAsync(concrete);
            if (result.GetArrayLength() == 0)
            {
                empty.Add($"{panel}: {expression}");
            }
        }

        Assert.True(empty.Count == 0, "Queries with no data:\n" + string.Join("\n", empty) + "\nTargets: " + await prometheus.TargetsAsync());
        // The variables' own queries.
        Assert.NotEqual(0, (await prometheus.QueryAsync("target_info{job=\"crampknowledge-api\"}")).GetArrayLength());
    }

    [RequiresToolsFact(PromTool)]
    public async Task TheSampleScrapeConfigurationsAreValid()
    {
        var (exit, output) = await ExternalTools.RunAsync(PromTool, ["check", "config", RepositoryRoot.File("deploy", "prometheus", "compose.yml")], TimeSpan.FromSeconds(20));
        Assert.True(exit == 0, output);

        // Debian's Prometheus is built without Kubernetes discovery, so the Kubernetes job is checked against the sample it scrapes.
        var job = File.ReadAllText(RepositoryRoot.File("deploy", "prometheus", "kubernetes.yml"));
        var sample = File.ReadAllText(RepositoryRoot.File("deploy", "kubernetes", "crampknowledge.yaml"));
        Assert.Contains("regex: crampknowledge-api", job, StringComparison.Ordinal);
        Assert.Contains("app.kubernetes.io/name: crampknowledge-api", sample, StringComparison.Ordinal);
        Assert.Contains("prometheus.io/scrape: \"true\"", sample, StringComparison.Ordinal);
        Assert.Contains("prometheus.io/port: \"8080\"", sample, StringComparison.Ordinal);
        Assert.Contains("prometheus.io/path: /metrics", sample, StringComparison.Ordinal);
        Assert.Contains("__meta_kubernetes_pod_annotation_prometheus_io_port", job, StringComparison.Ordinal);
    }

    /// <summary>Answers of every kind a panel shows: routes, 200/400/404/429, red-flag levels, searches with and without hits, cache hits, an agent's call.</summary>
    private static async Task ServeEveryKindOfAnswerAsync(HttpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync(new Uri("/api/v1/causes/dehydration", UriKind.Relative))).Dispose();
            (await client.GetAsync(new Uri("/api/v1/search?q=night+cramps", UriKind.Relative))).Dispose();
        }

        (await client.GetAsync(new Uri("/api/v1/search?q=quokkaphrase", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/api/v1/causes/no-such-cause", UriKind.Relative))).Dispose();
        (await client.GetAsync(new Uri("/api/v1/causes?page=abc", UriKind.Relative))).Dispose();
        (await client.PostAsJsonAsync(new Uri("/api/v1/red-flags/check", UriKind.Relative), new { description = "a cramp in my calf last night" })).Dispose();
        (await client.PostAsJsonAsync(new Uri("/api/v1/red-flags/check", UriKind.Relative), new { description = "my calf is swollen, red and warm" })).Dispose();
        using var mcp = new HttpRequestMessage(HttpMethod.Post, new Uri("/mcp", UriKind.Relative))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_knowledge","arguments":{"q":"magnesium"}}}""", Encoding.UTF8, "application/json"),
        };
        mcp.Headers.Accept.ParseAdd("application/json");
        mcp.Headers.Accept.ParseAdd("text/event-stream");
        using (var answered = await client.SendAsync(mcp))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        // Past the limit of 40 a minute: some 429s.
        var rejected = 0;
        for (var i = 0; i < 45 && rejected < 3; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/treatments", UriKind.Relative));
            rejected += response.StatusCode == HttpStatusCode.TooManyRequests ? 1 : 0;
        }

        Assert.True(rejected > 0, "the rate limit never answered 429");
    }

    [GeneratedRegex(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();

    /// <summary>Debian's Prometheus on a free port, with its own data folder, stopped on dispose.</summary>
    private sealed class PrometheusProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _client;

        private readonly StringBuilder _log;

        private PrometheusProcess(Process process, Uri address, StringBuilder log)
        {
            _process = process;
            _log = log;
            _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        }

        public static async Task<PrometheusProcess> StartAsync(string config, string data)
        {
            var address = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}");
            var start = new ProcessStartInfo(ExternalTools.Find(Prometheus)!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { $"--config.file={config}", $"--storage.tsdb.path={data}", $"--web.listen-address={address.Authority}" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start)!;
            var log = new StringBuilder();
            process.OutputDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
            process.ErrorDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var prometheus = new PrometheusProcess(process, address, log);
            for (var waited = 0; waited < 30_000; waited += 100)
            {
                try
                {
                    using var ready = await prometheus._client.GetAsync(new Uri("/-/ready", UriKind.Relative));
                    if (ready.IsSuccessStatusCode)
                    {
                        return prometheus;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100);
            }

            await prometheus.DisposeAsync();
            throw new InvalidOperationException("Prometheus did not become ready in 30 s.");
        }

        /// <summary>An instant query's result vector; a query Prometheus refuses fails the test with its error.</summary>
        public async Task<JsonElement> QueryAsync(string query)
        {
            using var response = await _client.GetAsync(new Uri("/api/v1/query?query=" + Uri.EscapeDataString(query), UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{query}\n{body}");
            using var document = JsonDocument.Parse(body);
            return document.RootElement.GetProperty("data").GetProperty("result").Clone();
        }

        /// <summary>Waits (at most 30 s) until a query has a result.</summary>
        public async Task WaitForAsync(string query)
        {
            for (var waited = 0; waited < 30_000; waited += 250)
            {
                if ((await QueryAsync(query)).GetArrayLength() > 0)
                {
                    return;
                }

                await Task.Delay(250);
            }

            Assert.Fail($"Prometheus has no result for {query} after 30 s. {await TargetsAsync()}");
        }

        /// <summary>Prometheus' view of its targets (health, last error), to explain a failure.</summary>
        public async Task<string> TargetsAsync()
        {
            var targets = await _client.GetStringAsync(new Uri("/api/v1/targets", UriKind.Relative));
            lock (_log)
            {
                return targets + "\n" + _log;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
