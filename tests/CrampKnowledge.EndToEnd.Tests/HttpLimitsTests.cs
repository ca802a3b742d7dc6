using System.Net;
using System.Text;

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
