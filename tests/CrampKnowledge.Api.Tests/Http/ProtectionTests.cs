using System.Net;
using System.Text;

namespace CrampKnowledge.Api.Tests.Http;

public sealed class ProtectionTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ABurstOverTheLimitGets429WithRetryAfter()
    {
        using var limited = new ConfiguredApiFactory(new Dictionary<string, string>
        {
            ["Http:RateLimit:Enabled"] = "true",
            ["Http:RateLimit:PermitLimit"] = "5",
            ["Http:RateLimit:WindowSeconds"] = "30",
        });
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await client.GetAsync("/api/v1/causes");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected ??= response;
            }
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.NotNull(rejected);
        var problem = await rejected.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 30);
        Assert.Contains("Try again", problem.Text("detail"), StringComparison.Ordinal);
        using var health = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task RateLimitingIsOffInDevelopment()
    {
        for (var i = 0; i < 120; i++)
        {
            using var response = await _client.GetAsync("/api/v1/categories");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task AnOverlongQueryStringIsA414ProblemDetails()
    {
        using var response = await _client.GetAsync($"/api/v1/causes?q=a&x={new string('b', 3000)}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestUriTooLong);
        Assert.Contains("at most 2048", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/causes", "default-src 'none'")]
    [InlineData("/swagger/index.html", "script-src 'self'")]
    public async Task SecurityHeadersAreOnEveryResponse(string url, string policy)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains(policy, response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwaggerPolicyAllowsOnlyItsOwnScripts()
    {
        using var response = await _client.GetAsync("/swagger/index.html");

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthEndpointsReportLivenessAndReadiness()
    {
        var live = await _client.GetOkAsync("/health/live");
        var ready = await _client.GetOkAsync("/health/ready");
        var index = await _client.GetOkAsync("/api/v1");

        Assert.Equal("Healthy", live.Text("status"));
        Assert.Equal("Healthy", ready.Text("status"));
        var database = ready.GetProperty("checks").GetProperty("database");
        Assert.Equal(index.Text("contentVersion"), database.GetProperty("data").Text("contentVersion"));
    }

    [Fact]
    public async Task ReadinessFailsWhenTheDatabaseCannotBeRead()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"crampknowledge-ready-{Guid.NewGuid():N}.db");
        using (var broken = new ApiFactory { DatabasePath = databasePath })
        {
            using var client = broken.CreateClient();
            await client.GetOkAsync("/health/ready");
            ApiFactory.ReleaseFile(databasePath);
            await File.WriteAllBytesAsync(databasePath, Encoding.UTF8.GetBytes("not a database any more"));

            using var response = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        ApiFactory.ReleaseFile(databasePath);
        foreach (var suffix in new[] { "", "-journal", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
