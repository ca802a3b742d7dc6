using System.IO.Compression;
using System.Net;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>
/// Answers are serialized into one buffer and written with their Content-Length, not streamed in chunks: a
/// repeated request gets the same bytes, a list page is what the serializer writes for it, compression gets the
/// whole body at once (streamed, the Brotli graph grew from 13,552 to 21,975 bytes), and the JSON-LD document
/// follows each request's own host.
/// </summary>
public sealed class ResponseBodyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1")]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/graph?citations=true")]
    [InlineData("/api/v1/causes/dehydration")]
    [InlineData("/api/v1/causes/dehydration/treatments")]
    [InlineData("/api/v1/treatments/stretch-the-muscle/causes")]
    [InlineData("/api/v1/red-flags/persistent-cramps/causes")]
    public async Task ARepeatedRequestGetsTheSameBytesAndHeaders(string url)
    {
        using var first = await _client.GetAsync(new Uri(url, UriKind.Relative));
        using var second = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("application/json; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/v1/causes")]
    [InlineData("/api/v1/causes?sort=-sourceCount&page=2&pageSize=7")]
    [InlineData("/api/v1/treatments?cause=dehydration")]
    [InlineData("/api/v1/red-flags?pageSize=100")]
    [InlineData("/api/v1/preventions?q=zzzz-nothing")]
    [InlineData("/api/v1/causes?page=10000&pageSize=100")]
    public async Task AListPageIsWhatTheSerializerWrites(string url)
    {
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var body = await _client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var page = JsonSerializer.Deserialize<PagedResponse<RecordSummary>>(body, options);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(page, options), body);
    }

    [Theory]
    [InlineData("/api/v1", "application/json; charset=utf-8")]
    [InlineData("/api/v1/categories", "application/json; charset=utf-8")]
    [InlineData("/api/v1/causes?pageSize=100", "application/json; charset=utf-8")]
    [InlineData("/api/v1/sources", "application/json; charset=utf-8")]
    [InlineData("/api/v1/sources/prairie-path", "application/json; charset=utf-8")]
    [InlineData("/api/v1/treatments/stretch-the-muscle", "application/json; charset=utf-8")]
    [InlineData("/api/v1/causes/dehydration/preventions", "application/json; charset=utf-8")]
    [InlineData("/api/v1/graph", "application/json; charset=utf-8")]
    [InlineData("/api/v1/search?q=water%20pills", "application/json; charset=utf-8")]
    [InlineData("/api/v1/red-flags/rules", "application/json; charset=utf-8")]
    [InlineData("/api/v1/condition.jsonld", "application/ld+json; charset=utf-8")]
    public async Task AnAnswerHasItsContentLength(string url, string contentType)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(body.Length, response.SentContentLength());
    }

    [Theory]
    [InlineData("/api/v1/graph")]
    [InlineData("/api/v1/graph?citations=true")]
    [InlineData("/api/v1/causes?pageSize=100")]
    [InlineData("/api/v1/condition.jsonld")]
    public async Task TheBrotliAnswerIsTheWholeBodyCompressedAtOnce(string url)
    {
        var identity = await _client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await _client.SendAsync(request);
        var compressed = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        // The level the app configures; written and flushed piece by piece, the same body compresses worse.
        Assert.Equal(CompressedAtOnce(identity).Length, compressed.Length);
        Assert.Equal(identity, Decompressed(compressed));
    }

    [Fact]
    public async Task EachHostGetsJsonLdWithItsOwnBaseUrl()
    {
        for (var i = 0; i < 12; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/condition.jsonld");
            request.Headers.Host = $"clinic{i}.example";

            using var response = await _client.SendAsync(request);
            var markup = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"http://clinic{i}.example/api/v1/condition.jsonld", markup.Text("@id"));
        }
    }

    private static byte[] CompressedAtOnce(byte[] body)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(body);
        }

        return output.ToArray();
    }

    private static byte[] Decompressed(byte[] body)
    {
        using var brotli = new BrotliStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
