using System.Net;
using System.Text;
using CrampKnowledge.EndToEnd.Tests.Fuzzing;

namespace CrampKnowledge.EndToEnd.Tests;

/// <summary>Limits only the real Kestrel server enforces, and the image-build switch.</summary>
public sealed class HttpLimitsTests
{
    [Fact]
    public async Task AnOversizedBodyIsA413ProblemDetails()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));
        var body = $"{{\"description\":\"{new string('x', 100_000)}\"}}";

        using var response = await api.Client.PostAsync(new Uri("/api/v1/red-flags/check", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("65536", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChunkedOversizedBodyGetsTheSame413AsAnAnnouncedOne()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));
        var body = $"{{\"description\":\"{new string('x', 100_000)}\"}}";
        var chunked = new StringContent(body, Encoding.UTF8, "application/json");
        chunked.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/red-flags/check") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        using var response = await api.Client.SendAsync(request);
        using var announced = await api.Client.PostAsync(new Uri("/api/v1/red-flags/check", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var kestrel = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var ours = System.Text.Json.JsonDocument.Parse(await announced.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ours.GetProperty("title").GetString(), kestrel.GetProperty("title").GetString());
        Assert.Equal(ours.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), kestrel.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("Request bodies may be at most 65536 bytes", kestrel.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFF")]
    [InlineData("7FFFFFFFFFFFFFFF0")]
    [InlineData("XYZ")]
    public async Task AMalformedChunkSizeIsA400ProblemDetails(string chunkSize)
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));
        var request = "POST /api/v1/red-flags/check HTTP/1.1\r\n" + $"Host: {api.BaseAddress.Authority}\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunkSize + "\r\n";

        var response = await RawHttpClient.SendTextAsync(api.BaseAddress, request);

        Assert.True(response.Status == 400, response.Describe());
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Contains("\"status\":400", response.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", response.BodyText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BuildDatabaseSwitchBuildsTheFileAndExits()
    {
        using var temp = new TempFolder();
        var database = temp.File("image.db");

        var (exitCode, output) = await ApiProcess.BuildDatabaseAsync(database);

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(database), output);
        Assert.Contains("Built", output, StringComparison.Ordinal);
    }
}
