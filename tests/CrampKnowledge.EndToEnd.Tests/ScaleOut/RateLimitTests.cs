using System.Net;
using System.Text.Json;
using static CrampKnowledge.EndToEnd.Tests.ScaleOut.ProxyRequests;

namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The per-client limit through nginx: nginx names the client in X-Forwarded-For and the replicas
/// (which trust loopback) count by it. Each test makes its own burst; none relies on another's.
/// </summary>
[Collection(ScaleOutGroup.Name)]
public sealed class RateLimitTests(RateLimitedCluster cluster) : IClassFixture<RateLimitedCluster>
{
    private const string Url = "/api/v1/causes?category=medication";

    [RequiresToolsFact(ExternalTools.Nginx)]
    public async Task ABurstOverTheLimitGetsTooManyRequestsWithRetryAfterThroughTheProxy()
    {
        var responses = await BurstAsync(100, forwardedFor: null);

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var served = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.NotEmpty(limited);
        // Each replica lets through at most its limit per window (a window may end during the burst).
        Assert.InRange(served, 1, cluster.Replicas.Count * RateLimitedCluster.PermitLimit * 2);
        foreach (var response in limited)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.InRange(response.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, RateLimitedCluster.WindowSeconds);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
            // A 429 is an answer: nginx passes it on rather than trying another replica, and never caches it.
            Assert.DoesNotContain(",", Header(response, "X-Upstream") ?? "", StringComparison.Ordinal);
            Assert.NotEqual("HIT", NginxProcess.CacheStatus(response));
        }

        responses.ForEach(r => r.Dispose());
    }

    [RequiresToolsFact(ExternalTools.Nginx)]
    public async Task AClientCannotEscapeTheLimitByForgingXForwardedFor()
    {
        var exhausted = await BurstAsync(100, forwardedFor: null);
        Assert.Contains(exhausted, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        exhausted.ForEach(r => r.Dispose());

        // nginx appends the real address, and the replicas only believe the proxy's entry. Were the
        // forged addresses believed, every request would get a fresh budget and none would be limited.
        var forged = await BurstAsync(100, forwardedFor: i => $"203.0.113.{i % 250}");

        Assert.Contains(forged, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        forged.ForEach(r => r.Dispose());
    }

    [RequiresToolsFact(ExternalTools.Nginx)]
    public async Task HealthChecksAreAnsweredWhileTheClientIsLimited()
    {
        var burst = await BurstAsync(100, forwardedFor: null);
        Assert.Contains(burst, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        burst.ForEach(r => r.Dispose());

        foreach (var path in new[] { "/health/live", "/health/ready", "/health/live", "/health/ready", "/nginx-health" })
        {
            using var response = await SendAsync(cluster.Proxy, Get(path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task<List<HttpResponseMessage>> BurstAsync(int count, Func<int, string>? forwardedFor)
    {
        var sends = Enumerable.Range(0, count).Select(async i =>
        {
            var request = Get(Url, bypassCache: true);
            if (forwardedFor is not null)
            {
                request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            }

            var response = await SendAsync(cluster.Proxy, request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        });
        return [.. await Task.WhenAll(sends)];
    }
}
