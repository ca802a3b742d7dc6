using System.Net;
using System.Text;
using System.Text.Json;
using static CrampKnowledge.EndToEnd.Tests.ScaleOut.ProxyRequests;

namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Three replicas behind nginx: any replica answers any request the same way, down to the ETag,
/// so round-robin, the proxy cache and conditional GETs work whichever replica answers.
/// Each test uses its own URLs, so what one test leaves in the proxy cache cannot affect another.
/// Same ETag straight from every replica and 304 through the proxy from every replica are checked
/// on the real containers (Containers/ContainerDeploymentTests); these tests cover the rest.
/// </summary>
[Collection(ScaleOutGroup.Name)]
public sealed class ProxyTests(ProxyCluster cluster) : IClassFixture<ProxyCluster>
{
    private const string Nginx = ExternalTools.Nginx;

    /// <summary>
    /// The Host every replica sees behind nginx (the client's, port included). It is part of the
    /// ETag, because JSON-LD carries absolute URLs, so requests straight to a replica send it too.
    /// </summary>
    private string ProxiedHost => cluster.Nginx.BaseAddress.Authority;

    [RequiresToolsFact(Nginx)]
    public async Task RequestsThatBypassTheCacheAreSpreadOverEveryReplica()
    {
        var served = new int[cluster.Replicas.Count];

        for (var i = 0; i < 30; i++)
        {
            using var response = await SendAsync(cluster.Proxy, Get("/api/v1/causes?category=circulation", bypassCache: true));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("BYPASS", NginxProcess.CacheStatus(response));
            var replica = cluster.ReplicaAt(NginxProcess.FinalUpstream(response));
            Assert.InRange(replica, 0, served.Length - 1);
            served[replica]++;
        }

        // Round-robin over three: 10 each when nothing else is running; never one starved.
        Assert.All(served, count => Assert.InRange(count, 5, 20));
    }

    [RequiresToolsFact(Nginx)]
    public async Task TheProxyGivesTheSameETagWhicheverReplicaAnswers()
    {
        const string Url = "/api/v1/preventions?sort=-sourceCount";
        using var direct = await SendAsync(cluster.Replicas[0].Client, Get(Url, host: ProxiedHost));
        var replicas = new HashSet<int>();

        for (var i = 0; i < 12; i++)
        {
            using var response = await SendAsync(cluster.Proxy, Get(Url, bypassCache: true));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ETag(direct), ETag(response));
            replicas.Add(cluster.ReplicaAt(NginxProcess.FinalUpstream(response)));
        }

        Assert.NotNull(ETag(direct));
        Assert.Equal(cluster.Replicas.Count, replicas.Count);
    }

    [RequiresToolsFact(Nginx)]
    public async Task CompressedAnswersKeepTheirOwnStrongETagOnEveryReplicaAndThroughTheProxy()
    {
        const string Url = "/api/v1/red-flags?sort=name";
        using var plain = await SendAsync(cluster.Replicas[0].Client, Get(Url, host: ProxiedHost));
        var compressed = new List<string?>();

        foreach (var replica in cluster.Replicas)
        {
            using var response = await SendAsync(replica.Client, Get(Url, acceptEncoding: "br", host: ProxiedHost));
            Assert.Equal("br", Header(response, "Content-Encoding"));
            compressed.Add(ETag(response));
        }

        using var proxied = await SendAsync(cluster.Proxy, Get(Url, bypassCache: true, acceptEncoding: "br"));

        Assert.NotNull(compressed[0]);
        Assert.All(compressed, etag => Assert.Equal(compressed[0], etag));
        Assert.NotEqual(ETag(plain), compressed[0]);
        Assert.Equal("br", Header(proxied, "Content-Encoding"));
        Assert.Equal(compressed[0], ETag(proxied));
        Assert.Contains("Accept-Encoding", Header(proxied, "Vary") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [RequiresToolsFact(Nginx)]
    public async Task EveryReplicaAnswersAnETagFromAnotherReplicaWithNotModified()
    {
        const string Url = "/api/v1/causes/low-potassium";
        using var first = await SendAsync(cluster.Replicas[0].Client, Get(Url, host: ProxiedHost));
        var etag = ETag(first);
        Assert.NotNull(etag);

        foreach (var replica in cluster.Replicas)
        {
            using var response = await SendAsync(replica.Client, Get(Url, ifNoneMatch: etag, host: ProxiedHost));

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, ETag(response));
        }
    }

    [RequiresToolsFact(Nginx)]
    public async Task TheProxyCachesGetsForTheirMaxAgeAndAnswersNotModifiedFromItsCache()
    {
        const string Url = "/api/v1/causes?sort=-name&pageSize=7";

        using var miss = await SendAsync(cluster.Proxy, Get(Url));
        using var hit = await SendAsync(cluster.Proxy, Get(Url));
        using var notModified = await SendAsync(cluster.Proxy, Get(Url, ifNoneMatch: ETag(miss)));

        Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
        Assert.Equal("MISS", NginxProcess.CacheStatus(miss));
        Assert.Matches(@"\bpublic\b.*\bmax-age=300\b|\bmax-age=300\b.*\bpublic\b", Header(miss, "Cache-Control") ?? "");
        Assert.Equal("HIT", NginxProcess.CacheStatus(hit));
        Assert.Equal(ETag(miss), ETag(hit));
        Assert.Equal(await miss.Content.ReadAsStringAsync(), await hit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal("HIT", NginxProcess.CacheStatus(notModified));
    }

    [RequiresToolsFact(Nginx)]
    public async Task CorsGetThroughTheProxyAllowsOnlyTheConfiguredOriginEvenFromTheCache()
    {
        const string Url = "/api/v1/causes?q=cramp";

        // Each answer goes into the cache first; Vary: Origin must keep them apart.
        using var other = await SendAsync(cluster.Proxy, Get(Url, origin: "https://elsewhere.example"));
        using var noOrigin = await SendAsync(cluster.Proxy, Get(Url));
        using var allowed = await SendAsync(cluster.Proxy, Get(Url, origin: ProxyCluster.AllowedOrigin));
        using var allowedAgain = await SendAsync(cluster.Proxy, Get(Url, origin: ProxyCluster.AllowedOrigin));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(ProxyCluster.AllowedOrigin, Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Equal(ProxyCluster.AllowedOrigin, Header(allowedAgain, "Access-Control-Allow-Origin"));
        Assert.Equal("HIT", NginxProcess.CacheStatus(allowedAgain));
        Assert.Contains("Origin", Header(allowed, "Vary") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Null(Header(other, "Access-Control-Allow-Origin"));
        Assert.Null(Header(noOrigin, "Access-Control-Allow-Origin"));
    }

    [RequiresToolsFact(Nginx)]
    public async Task CorsPreflightThroughTheProxyIsAnsweredForGetAndForTheRedFlagCheck()
    {
        using var getPreflight = await SendAsync(cluster.Proxy, Preflight("/api/v1/causes", "GET", requestHeaders: null));
        using var postPreflight = await SendAsync(cluster.Proxy, Preflight("/api/v1/red-flags/check", "POST", "content-type"));

        Assert.True(getPreflight.IsSuccessStatusCode, $"GET preflight: {(int)getPreflight.StatusCode}");
        Assert.Equal(ProxyCluster.AllowedOrigin, Header(getPreflight, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(getPreflight, "Access-Control-Allow-Methods") ?? "", StringComparison.Ordinal);
        Assert.True(postPreflight.IsSuccessStatusCode, $"POST preflight: {(int)postPreflight.StatusCode}");
        Assert.Equal(ProxyCluster.AllowedOrigin, Header(postPreflight, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(postPreflight, "Access-Control-Allow-Methods") ?? "", StringComparison.Ordinal);
        Assert.Contains("content-type", Header(postPreflight, "Access-Control-Allow-Headers") ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [RequiresToolsFact(Nginx)]
    public async Task TheRedFlagCheckIsPostedThroughTheProxyAndNeverCached()
    {
        const string Body = """{"description": "I get cramps several times a week and my legs hurt when I walk"}""";

        using var first = await cluster.Proxy.PostAsync(new Uri("/api/v1/red-flags/check", UriKind.Relative), new StringContent(Body, Encoding.UTF8, "application/json"));
        using var second = await cluster.Proxy.PostAsync(new Uri("/api/v1/red-flags/check", UriKind.Relative), new StringContent(Body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(NginxProcess.FinalUpstream(first), NginxProcess.FinalUpstream(second));
        Assert.Null(NginxProcess.CacheStatus(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [RequiresToolsFact(Nginx)]
    public async Task MetricsAreScrapedFromEachReplicaNeverThroughTheProxy()
    {
        using var proxied = await cluster.Proxy.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var direct = await cluster.Replicas[0].Client.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, proxied.StatusCode);
        Assert.Equal("application/problem+json", proxied.Content.Headers.ContentType?.MediaType);
        Assert.Null(NginxProcess.FinalUpstream(proxied));
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Contains("kestrel_active_connections", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [RequiresToolsFact(Nginx)]
    public async Task AnOversizedBodyThroughTheProxyGetsTheApisProblemDetails()
    {
        var body = $"{{\"description\":\"{new string('x', 100_000)}\"}}";

        using var response = await cluster.Proxy.PostAsync(new Uri("/api/v1/red-flags/check", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(NginxProcess.FinalUpstream(response));
    }

    [RequiresToolsFact(Nginx)]
    public async Task JsonLdThroughTheProxyLinksToTheAddressTheClientUsed()
    {
        using var response = await SendAsync(cluster.Proxy, Get("/api/v1/condition.jsonld", bypassCache: true));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Uri(cluster.Nginx.BaseAddress, "/api/v1/condition.jsonld").ToString(), body.RootElement.GetProperty("@id").GetString());
    }

    [RequiresToolsFact(Nginx)]
    public async Task HealthEndpointsAnswerThroughTheProxyAndAreNeverServedFromItsCache()
    {
        foreach (var path in new[] { "/health/live", "/health/ready", "/health/live", "/health/ready" })
        {
            using var response = await SendAsync(cluster.Proxy, Get(path));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
            Assert.NotEqual("HIT", NginxProcess.CacheStatus(response));
        }

        using var proxyHealth = await SendAsync(cluster.Proxy, Get("/nginx-health"));
        Assert.Equal("ok\n", await proxyHealth.Content.ReadAsStringAsync());
    }

    [RequiresToolsFact(Nginx)]
    public async Task ReplicasServeTheDatabaseBuiltAtBuildTimeWithoutRewritingIt()
    {
        var versions = new List<string?>();
        foreach (var replica in cluster.Replicas)
        {
            using var body = JsonDocument.Parse(await replica.Client.GetStringAsync(new Uri("/api/v1", UriKind.Relative)));
            versions.Add(body.RootElement.GetProperty("contentVersion").GetString());
        }

        Assert.All(versions, v => Assert.Equal(versions[0], v));
        Assert.All(cluster.Replicas, r => Assert.Contains($"Opened {cluster.DatabasePath}", r.Output, StringComparison.Ordinal));
        Assert.All(cluster.Replicas, r => Assert.DoesNotContain($"Built {cluster.DatabasePath}", r.Output, StringComparison.Ordinal));
        Assert.Equal(cluster.DatabaseBuiltAtUtc, File.GetLastWriteTimeUtc(cluster.DatabasePath));
    }

    private static HttpRequestMessage Preflight(string url, string method, string? requestHeaders)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(url, UriKind.Relative));
        request.Headers.Add("Origin", ProxyCluster.AllowedOrigin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (requestHeaders is not null)
        {
            request.Headers.Add("Access-Control-Request-Headers", requestHeaders);
        }

        return request;
    }

    public static TheoryData<string, string, int> RefusedByNginx() => new()
    {
        { "NUL in the path", "GET /api/v1/causes%00 HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n", 400 },
        { "a header over nginx's buffers", $"GET /api/v1/causes HTTP/1.1\r\nHost: proxy\r\nX-Big: {new string('a', 20_000)}\r\nConnection: close\r\n\r\n", 400 },
        { "a request line over nginx's buffers", $"GET /api/v1/causes?q={new string('a', 10_000)} HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n\r\n", 414 },
        { "a bad Content-Length", "POST /api/v1/red-flags/check HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}", 400 },
        { "a body over client_max_body_size", $"POST /api/v1/red-flags/check HTTP/1.1\r\nHost: proxy\r\nContent-Type: application/json\r\nContent-Length: 200000\r\nConnection: close\r\n\r\n{new string(' ', 200_000)}", 413 },
    };

    /// <summary>Issue 18: what nginx refuses before the API sees it answers ProblemDetails, not nginx's HTML page.</summary>
    [RequiresToolsTheory(Nginx)]
    [MemberData(nameof(RefusedByNginx))]
    public async Task WhatNginxRefusesItselfIsProblemDetails(string what, string request, int status)
    {
        var response = await Fuzzing.RawHttpClient.SendTextAsync(cluster.Nginx.BaseAddress, request);

        Assert.True(response.Status == status, $"{what}: {response.Describe()}");
        Assert.Equal("application/problem+json", response.MediaType);
        using var problem = JsonDocument.Parse(response.Body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()), what);
    }

    /// <summary>Issue 17: an agent reaches the MCP server through nginx, with every answer the HTTP API would give.</summary>
    [RequiresToolsFact(Nginx, Mcp.TypeScriptSession.Node)]
    public async Task TheTypeScriptSdkWorksThroughTheProxy()
    {
        var session = await Mcp.TypeScriptSession.RunAsync(new Uri(cluster.Nginx.BaseAddress, "/mcp"), Mcp.TypeScriptClientTests.Plan());

        await Mcp.TypeScriptClientTests.AssertSessionAsync(session, cluster.Proxy);
    }

    [RequiresToolsFact(Nginx)]
    public async Task AnOriginNotAllowedIsRefusedThroughTheProxy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("Origin", "http://rebinding.attacker.example");

        using var response = await cluster.Proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(-32600, error.RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }
}
