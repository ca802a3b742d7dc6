using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Faults;

/// <summary>SIGTERM (how Docker and Kubernetes stop a container) lets requests in flight finish, then exits cleanly.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task SigtermDuringLoadFinishesInFlightRequestsThenExitsCleanly()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"), environment: new Dictionary<string, string>
        {
            ["Http__RateLimit__Enabled"] = "false",
        });
        using var load = new CancellationTokenSource();
        var outcomes = new List<HttpStatusCode>();
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!load.IsCancellationRequested)
            {
                try
                {
                    using var response = await api.Client.GetAsync(new Uri("/api/v1/search?q=night%20cramps", UriKind.Relative));
                    lock (outcomes)
                    {
                        outcomes.Add(response.StatusCode);
                    }
                }
                catch (HttpRequestException)
                {
                    // Refused once the server has stopped accepting: expected after SIGTERM, never a 5xx.
                }
            }
        })).ToList();

        // A request the server is in the middle of: headers and half the body sent before SIGTERM.
        using var slow = new TcpClient();
        await slow.ConnectAsync(IPAddress.Loopback, api.BaseAddress.Port);
        var stream = slow.GetStream();
        var body = Encoding.UTF8.GetBytes("{\"description\":\"I get cramps several times a week and my legs hurt when I walk\"}");
        var head = Encoding.ASCII.GetBytes($"POST /api/v1/red-flags/check HTTP/1.1\r\nHost: {api.BaseAddress.Authority}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head);
        await stream.WriteAsync(body.AsMemory(0, body.Length / 2));
        await Task.Delay(300);

        var exit = api.TerminateAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        await stream.WriteAsync(body.AsMemory(body.Length / 2));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var exitCode = await exit;
        await load.CancelAsync();
        await Task.WhenAll(workers);

        Assert.True(response.StartsWith("HTTP/1.1 200 OK", StringComparison.Ordinal), response + "\n---\n" + api.Output);
        Assert.Contains("\"seeDoctor\":\"soon\"", response, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains("Application is shutting down", api.Output, StringComparison.Ordinal);
    }
}
