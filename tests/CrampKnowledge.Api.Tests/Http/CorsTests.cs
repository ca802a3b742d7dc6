using System.Net;

namespace CrampKnowledge.Api.Tests.Http;

public sealed class CorsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AnyOriginMayReadByDefault()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/causes");
        request.Headers.Add("Origin", "https://clinic.example");

        using var response = await _client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/v1/causes")]
    [InlineData("POST", "/api/v1/red-flags/check")]
    public async Task PreflightsAreAnswered(string method, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", "https://clinic.example");
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(method, response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task ConfiguredOriginsAreTheOnlyOnesAllowed()
    {
        using var configured = new ConfiguredApiFactory(new Dictionary<string, string>
        {
            ["Http:Cors:AllowedOrigins:0"] = "https://clinic.example",
        });
        using var client = configured.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/causes");
        allowed.Headers.Add("Origin", "https://clinic.example");
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/causes");
        other.Headers.Add("Origin", "https://elsewhere.example");

        using var allowedResponse = await client.SendAsync(allowed);
        using var otherResponse = await client.SendAsync(other);

        Assert.Equal("https://clinic.example", allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(otherResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
