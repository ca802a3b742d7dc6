using System.Net;
using System.Text.Json;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>
/// Immutable responses are serialized once and then written as bytes: later requests get the same
/// bytes as the first, and the JSON-LD document still follows each request's own host.
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
