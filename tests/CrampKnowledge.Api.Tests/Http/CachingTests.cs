using System.Net;
using System.Net.Http.Headers;

namespace CrampKnowledge.Api.Tests.Http;

public sealed class CachingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/causes?category=circulation")]
    [InlineData("/api/v1/treatments/stretch-the-muscle")]
    [InlineData("/api/v1/search?q=water%20pills")]
    [InlineData("/api/v1/condition.jsonld")]
    public async Task ARepeatedGetWithTheETagIsA304WithoutBody(string url)
    {
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag!);
        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task TheETagIsTheSameForTheSameRequestAndDiffersForAnother()
    {
        using var a = await _client.GetAsync("/api/v1/causes?page=1&pageSize=5");
        using var b = await _client.GetAsync("/api/v1/causes?pageSize=5&page=1");
        using var c = await _client.GetAsync("/api/v1/causes?page=2&pageSize=5");

        Assert.Equal(a.Headers.ETag, b.Headers.ETag);
        Assert.NotEqual(a.Headers.ETag, c.Headers.ETag);
    }

    [Fact]
    public async Task AWeakenedTagFromAProxyStillRevalidates()
    {
        using var first = await _client.GetAsync("/api/v1/sources");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sources");
        request.Headers.TryAddWithoutValidation("If-None-Match", "W/" + first.Headers.ETag!.Tag);

        using var second = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task EachContentCodingHasItsOwnStrongTag()
    {
        var tags = new List<string>();
        foreach (var coding in new[] { "br", "gzip", "identity" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/causes");
            request.Headers.AcceptEncoding.ParseAdd(coding);
            using var response = await _client.SendAsync(request);
            tags.Add(response.Headers.ETag!.Tag);
            Assert.Equal(coding == "identity" ? [] : [coding], response.Content.Headers.ContentEncoding);
        }

        Assert.Equal(3, tags.Distinct().Count());
    }

    [Fact]
    public async Task SuccessfulGetsArePubliclyCacheableAndVaryByNegotiatedHeaders()
    {
        using var response = await _client.GetAsync("/api/v1/red-flags");

        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl.MaxAge);
        Assert.Equal(["Accept", "Accept-Encoding", "Origin"], response.Headers.Vary);
    }

    [Fact]
    public async Task HeadAnswersLikeGetWithoutABody()
    {
        using var get = await _client.GetAsync("/api/v1/causes/dehydration");
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/causes/dehydration"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ErrorsCarryNoETag()
    {
        using var response = await _client.GetAsync("/api/v1/causes/no-such-cause");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task MaxAgeIsConfigurable()
    {
        using var configured = new ConfiguredApiFactory(new Dictionary<string, string> { ["Http:CacheMaxAgeSeconds"] = "60" });
        using var client = configured.CreateClient();

        using var response = await client.GetAsync("/api/v1/causes");

        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.CacheControl!.MaxAge);
    }

    [Fact]
    public async Task ContentIsCompressedWithBrotliOrGzip()
    {
        foreach (var coding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/graph");
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));

            using var response = await _client.SendAsync(request);

            Assert.Equal([coding], response.Content.Headers.ContentEncoding);
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 20_000);
        }
    }
}
