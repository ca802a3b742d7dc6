using System.Text;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// The search answer over HTTP: the serializer's bytes for the response with the app's JSON options, in one piece
/// with a Content-Length, and the person's own words echoed as written (the relaxed encoder, not \u escapes).
/// </summary>
public sealed class SearchAnswerBodyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly JsonSerializerOptions _options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    [Theory]
    [InlineData("/api/v1/search?q=why%20do%20my%20legs%20cramp%20at%20night")]
    [InlineData("/api/v1/search?q=dehidration")]
    [InlineData("/api/v1/search?q=magnesium&types=source,cause&limit=50")]
    [InlineData("/api/v1/search?q=%3Cb%3E%22quotes%22%20%26%20%C3%BCn%C3%AFc%C3%B6d%C3%A9%3C%2Fb%3E")]
    public async Task TheHttpAnswerHasTheSerializersBytesAndAContentLength(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        var parsed = JsonSerializer.Deserialize<SearchResponse>(body, _options);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(parsed, _options), body);
        Assert.Equal(body.Length, response.SentContentLength());
    }

    [Fact]
    public async Task NonAsciiWordsAreEchoedAsWritten()
    {
        using var client = factory.CreateClient();

        var body = await client.GetByteArrayAsync(new Uri("/api/v1/search?q=cr%C3%A4mpe%20%C3%BCn%C3%AFc%C3%B6d%C3%A9", UriKind.Relative));

        Assert.Contains("\"query\":\"cr\u00e4mpe \u00fcn\u00efc\u00f6d\u00e9\"", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }
}
