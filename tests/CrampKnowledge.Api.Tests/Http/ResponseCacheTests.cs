using System.Net;
using CrampKnowledge.Api.Hosting.ResponseCache;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Http;

public sealed class ResponseCacheTests
{
    [Theory]
    [InlineData("/api/v1/causes", null, null)]
    [InlineData("/api/v1/treatments?cause=dehydration", "gzip", null)]
    [InlineData("/api/v1/causes/dehydration", "br", "https://clinic.example")]
    [InlineData("/api/v1/search?q=water%20pills", null, "https://clinic.example")]
    [InlineData("/api/v1/condition.jsonld", null, null)]
    public async Task AReplayIsTheSameAnswerAsTheFirst(string url, string? encoding, string? origin)
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResponseReplayCache>();

        var (firstStatus, firstHeaders, firstBody) = await FetchAsync(client, url, encoding, origin);
        Assert.Equal(0, cache.Count);
        await FetchAsync(client, url, encoding, origin);
        Assert.Equal(1, cache.Count);
        var (secondStatus, secondHeaders, secondBody) = await FetchAsync(client, url, encoding, origin);

        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal(firstStatus, secondStatus);
        Assert.Equal(firstHeaders, secondHeaders);
        Assert.Equal(firstBody, secondBody);
        Assert.Equal(1, cache.Count);
        Assert.Contains(firstHeaders, h => h.StartsWith("ETag:", StringComparison.Ordinal));
        Assert.Contains("X-Content-Type-Options: nosniff", firstHeaders);
        if (origin is not null)
        {
            Assert.Contains("Access-Control-Allow-Origin: *", firstHeaders);
        }
    }

    [Fact]
    public async Task EachLanguageOfTheRequestGetsItsOwnEntry()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResponseReplayCache>();

        var plain = await FetchAsync(client, "/api/v1/causes", null, null);
        var gzip = await FetchAsync(client, "/api/v1/causes", "gzip", null);
        var fromOrigin = await FetchAsync(client, "/api/v1/causes", null, "https://clinic.example");
        await FetchAsync(client, "/api/v1/causes", "gzip", null);
        await FetchAsync(client, "/api/v1/causes", null, "https://clinic.example");
        await FetchAsync(client, "/api/v1/causes", null, null);
        var plainAgain = await FetchAsync(client, "/api/v1/causes", null, null);

        Assert.Equal(3, cache.Count);
        Assert.NotEqual(plain.Body, gzip.Body);
        Assert.DoesNotContain(plain.Headers, h => h.StartsWith("Access-Control-Allow-Origin", StringComparison.Ordinal));
        Assert.Contains("Access-Control-Allow-Origin: *", fromOrigin.Headers);
        Assert.Equal(plain.Headers, plainAgain.Headers);
        Assert.Equal(plain.Body, plainAgain.Body);
    }

    [Fact]
    public async Task ACachedAnswerRevalidatesWithA304AndAnswersHeadWithoutABody()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        using var first = await client.GetAsync("/api/v1/causes/dehydration");
        using var second = await client.GetAsync("/api/v1/causes/dehydration");
        Assert.Equal(1, factory.Services.GetRequiredService<ResponseReplayCache>().Count);
        var length = (await first.Content.ReadAsByteArrayAsync()).Length;

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/v1/causes/dehydration");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", $"\"other\", W/{first.Headers.ETag!.Tag}");
        using var notModified = await client.SendAsync(revalidate);
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/causes/dehydration"));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, notModified.Headers.ETag);
        Assert.Null(notModified.Content.Headers.ContentType);
        Assert.Equal("nosniff", string.Join(",", notModified.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(length, head.Content.Headers.ContentLength);
        Assert.Equal(first.Headers.ETag, head.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/causes/no-such-cause")]
    [InlineData("/api/v1/causes?page=0")]
    [InlineData("/health/live")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task OnlySuccessfulContentIsKept(string url)
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResponseReplayCache>();

        using var response = await client.GetAsync(url);
        using var again = await client.GetAsync(url);

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task AQueryAskedOnceIsNotKept()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResponseReplayCache>();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync($"/api/v1/causes?pageSize=5&n={i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task MemoryStaysBoundedWhateverTheNumberOfDistinctQueries()
    {
        using var factory = new ConfiguredApiFactory(new Dictionary<string, string> { ["Http:ResponseCache:MaxEntries"] = "8" });
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResponseReplayCache>();

        for (var i = 0; i < 50; i++)
        {
            using var response = await client.GetAsync($"/api/v1/causes?pageSize=5&n={i}");
            using var again = await client.GetAsync($"/api/v1/causes?pageSize=5&n={i}");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        // Two generations of at most half the entries each, plus the one that turned a generation over.
        Assert.InRange(cache.Count, 1, 9);
    }

    [Fact]
    public async Task ARequestWithCredentialsIsNeitherAnsweredFromNorKeptInTheCache()
    {
        using var factory = new ApiFactory();
        using var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResponseReplayCache>();
        for (var i = 0; i < 2; i++)
        {
            using var plain = await client.GetAsync("/api/v1/causes");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sources");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer someone");
            using var withCredentials = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, withCredentials.StatusCode);
        }

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task TheCacheCanBeTurnedOff()
    {
        using var factory = new ConfiguredApiFactory(new Dictionary<string, string> { ["Http:ResponseCache:Enabled"] = "false" });
        using var client = factory.CreateClient();

        using var first = await client.GetAsync("/api/v1/causes");
        using var second = await client.GetAsync("/api/v1/causes");
        using var third = await client.GetAsync("/api/v1/causes");

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(0, factory.Services.GetRequiredService<ResponseReplayCache>().Count);
    }

    private static async Task<(HttpStatusCode Status, List<string> Headers, byte[] Body)> FetchAsync(
        HttpClient client, string url, string? encoding, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding ?? "identity");
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        using var response = await client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            // A replay knows its length up front, where the first answer may have been chunked.
            .Where(h => h.Key is not ("Date" or "Content-Length" or "Transfer-Encoding"))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return (response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }
}
