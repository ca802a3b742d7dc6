using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace CrampKnowledge.EndToEnd.Tests.Reliability;

/// <summary>
/// A bounded load run against the real process: a fixed mix of list, filter, detail and search
/// requests at 64 concurrent connections. No request may fail, and memory after the run must stay
/// close to memory after the warm-up. Figures go to the test output; docs/reliability.md records them.
/// </summary>
[Collection(LoadGroup.Name)]
public sealed class BoundedLoadTests(ITestOutputHelper output)
{
    private const int Connections = 64;

    // CRAMPKNOWLEDGE_LOAD_REQUESTS scales the run up into a soak (see docs/reliability.md).
    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("CRAMPKNOWLEDGE_LOAD_REQUESTS"), out var n) ? n : 40_000;

    [Fact]
    public async Task SixtyFourConnectionsGetNoErrorsAndMemoryStaysBounded()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"), environment: new Dictionary<string, string>
        {
            ["Http__RateLimit__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var urls = await RequestMixAsync(api);

        var warmUp = await LoadGenerator.RunAsync(api.BaseAddress, urls, Connections, Math.Max(10_000, Requests / 4));
        var memoryAfterWarmUp = api.ResidentBytes();
        var run = await LoadGenerator.RunAsync(api.BaseAddress, urls, Connections, Requests);
        var memoryAfterRun = api.ResidentBytes();

        output.WriteLine($"configuration: {Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(ApiProcess.ApiAssemblyPath)))}, {Environment.ProcessorCount} cores, {urls.Count} distinct URLs");
        output.WriteLine($"warm-up: {warmUp}");
        output.WriteLine($"run:     {run}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory:  {memoryAfterWarmUp / 1048576.0:F1} MB after warm-up, {memoryAfterRun / 1048576.0:F1} MB after the run"));
        Assert.True(warmUp.Errors == 0, string.Join("\n", warmUp.ErrorSamples));
        Assert.True(run.Errors == 0, string.Join("\n", run.ErrorSamples));
        // Caches are full after the warm-up; what follows may grow the heap a little, never without bound.
        Assert.True(memoryAfterRun <= memoryAfterWarmUp * 1.25 + 32 * 1048576,
            $"RSS grew from {memoryAfterWarmUp / 1048576} MB to {memoryAfterRun / 1048576} MB");
    }

    /// <summary>
    /// The fixed mix: every list, a filter per cause, a detail per record, and searches in everyday
    /// words, read from the running API so the mix follows the seed data.
    /// </summary>
    private static async Task<IReadOnlyList<string>> RequestMixAsync(ApiProcess api)
    {
        using var graph = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/api/v1/graph", UriKind.Relative)));
        var nodes = graph.RootElement.GetProperty("nodes").EnumerateArray()
            .Select(n => (Type: n.GetProperty("type").GetString()!, Id: n.GetProperty("id").GetString()!)).ToList();
        string[] searches = ["why do my legs cramp at night", "charley horse", "water pills", "dehydration", "stretches", "bananas", "pregnant", "legs hurt when i walk"];
        string[] plurals = ["causes", "treatments", "preventions", "red-flags"];
        var lists = plurals.SelectMany(l => (string[])[$"/api/v1/{l}", $"/api/v1/{l}?page=2&pageSize=10", $"/api/v1/{l}?sort=-sourceCount"])
            .Append("/api/v1/sources?sort=-citationCount");
        var filters = nodes.Where(n => n.Type == "cause").Select(n => $"/api/v1/treatments?cause={n.Id}");
        var details = nodes.Select(n => $"/api/v1/{n.Type}s/{n.Id}");
        var searchUrls = searches.Select(q => $"/api/v1/search?q={Uri.EscapeDataString(q)}");
        return [.. lists, .. filters, .. details, .. searchUrls];
    }
}
