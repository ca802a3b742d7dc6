using System.Net;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>
/// Immutable responses are serialized once and then written as bytes: later requests get the same
/// bytes as the first, list pages spliced from row bytes are what the serializer would write, and
/// the JSON-LD document still follows each request's own host.
/// </summary>
public sealed class SerializedResponseTests(ApiFactory factory) : IClassFixture<ApiFactory>
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
    public async Task AListPageWrittenFromRowBytesIsWhatTheSerializerWrites(string url)
    {
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var body = await _client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        var page = JsonSerializer.Deserialize<PagedResponse<RecordSummary>>(body, options);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(page, options), body);
    }

    [Fact]
    public async Task EachHostGetsJsonLdWithItsOwnBaseUrlEvenPastTheCachedFew()
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
}
