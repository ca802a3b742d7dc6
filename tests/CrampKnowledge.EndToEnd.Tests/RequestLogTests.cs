using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests;

/// <summary>The production request log: batched JSON lines on standard output, never a query string.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task EveryRequestIsOneJsonLineOnStdoutWithoutItsQueryString()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));

        for (var i = 0; i < 20; i++)
        {
            await api.Client.GetAsync(new Uri($"/api/v1/search?q=my+private+symptom+{i}", UriKind.Relative));
        }

        await api.Client.GetAsync(new Uri("/api/v1/causes/no-such-cause", UriKind.Relative));
        var lines = await WaitForAsync(api, expected: 21);

        Assert.Equal(20, lines.Count(l => l.Path == "/api/v1/search" && l.Status == 200 && l.Method == "GET"));
        Assert.Contains(lines, l => l.Path == "/api/v1/causes/no-such-cause" && l.Status == 404);
        Assert.DoesNotContain("private", api.Output, StringComparison.Ordinal);
    }

    private static async Task<List<(string Method, string Path, int Status)>> WaitForAsync(ApiProcess api, int expected)
    {
        for (var attempt = 0; ; attempt++)
        {
            var lines = api.Output.Split('\n')
                .Where(l => l.StartsWith('{') && l.Contains("RequestLoggingMiddleware", StringComparison.Ordinal))
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("State"))
                .Select(s => (s.GetProperty("Method").GetString()!, s.GetProperty("Path").GetString()!, s.GetProperty("StatusCode").GetInt32()))
                .Where(l => l.Item2 != "/api/v1")
                .ToList();
            if (lines.Count >= expected || attempt == 50)
            {
                return lines;
            }

            await Task.Delay(100);
        }
    }
}
