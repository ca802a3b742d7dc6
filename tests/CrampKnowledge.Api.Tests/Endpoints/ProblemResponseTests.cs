using System.Net;
using System.Text.RegularExpressions;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>The error contract every endpoint shares: RFC 9457 bodies, wire-named errors, no 500 from input.</summary>
public partial class ProblemResponseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string LongQ = "{201 characters}";
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/causes?pageSize=0", "pageSize")]
    [InlineData("/api/v1/treatments?pageSize=101", "pageSize")]
    [InlineData("/api/v1/sources?pageSize=abc", "pageSize")]
    [InlineData("/api/v1/preventions?page=0", "page")]
    [InlineData("/api/v1/red-flags?page=abc", "page")]
    [InlineData("/api/v1/causes?page=10001", "page")]
    [InlineData("/api/v1/causes?page=99999999999", "page")]
    [InlineData("/api/v1/treatments?minSources=0", "minSources")]
    [InlineData("/api/v1/causes?minSources=two", "minSources")]
    [InlineData("/api/v1/preventions?sort=bogus", "sort")]
    [InlineData("/api/v1/red-flags?sort=Name", "sort")]
    [InlineData("/api/v1/sources?sort=bogus", "sort")]
    [InlineData("/api/v1/causes?q=" + LongQ, "q")]
    [InlineData("/api/v1/sources?q=" + LongQ, "q")]
    [InlineData("/api/v1/causes?category=unknown", "category")]
    [InlineData("/api/v1/treatments?source=unknown", "source")]
    [InlineData("/api/v1/red-flags?urgency=unknown", "urgency")]
    [InlineData("/api/v1/treatments?cause=dehydation", "cause")]
    [InlineData("/api/v1/causes?treatment=strech", "treatment")]
    [InlineData("/api/v1/graph?citations=maybe", "citations")]
    [InlineData("/api/v1/search", "q")]
    [InlineData("/api/v1/search?q=cramp&types=bogus", "types")]
    [InlineData("/api/v1/search?q=cramp&limit=51", "limit")]
    public async Task InvalidParametersAreA400WithErrorsKeyedByTheWireName(string url, string parameter)
    {
        var problem = await _client.GetProblemAsync(url.Replace(LongQ, new string('a', 201), StringComparison.Ordinal), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        Assert.Equal(parameter, Assert.Single(errors).Name);
        Assert.NotEmpty(errors[0].Value.EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(problem.Text("detail")));
    }

    [Fact]
    public async Task AQOfTwoHundredCharactersIsStillAccepted()
    {
        var list = await _client.GetOkAsync($"/api/v1/causes?q={new string('a', 200)}");

        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SeveralInvalidParametersAreAllReported()
    {
        var problem = await _client.GetProblemAsync("/api/v1/causes?pageSize=0&sort=bogus&category=unknown", HttpStatusCode.BadRequest);

        var keys = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["category", "pageSize", "sort"], keys);
    }

    [Theory]
    [InlineData("/api/v1/nothing")]
    [InlineData("/api/v2/causes")]
    [InlineData("/api/v1/causes/dehydration/nothing")]
    [InlineData("/api/v1/sources/prairie-path/causes")]
    public async Task AnUnknownRouteIsA404Problem(string url)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.False(string.IsNullOrWhiteSpace(problem.Text("detail")));
    }

    [Theory]
    [InlineData("POST", "/api/v1/causes")]
    [InlineData("PUT", "/api/v1/causes")]
    [InlineData("DELETE", "/api/v1/causes")]
    [InlineData("PATCH", "/api/v1/treatments")]
    [InlineData("POST", "/api/v1/red-flags/persistent-cramps")]
    [InlineData("DELETE", "/api/v1/sources/prairie-path")]
    [InlineData("PUT", "/api/v1")]
    public async Task AWriteMethodIsA405ProblemNamingGetAsAllowed(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("{}") };

        using var response = await _client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/v1/causes?q=%00")]
    [InlineData("/api/v1/causes?q=%25%5F")]
    [InlineData("/api/v1/causes?q=%27%3B%20DROP%20TABLE%20Records%3B--")]
    [InlineData("/api/v1/causes?q=%F0%9F%A6%B5")]
    [InlineData("/api/v1/causes?q=%C3%89")]
    [InlineData("/api/v1/treatments?cause=%20")]
    [InlineData("/api/v1/treatments?cause=%E2%80%8B")]
    [InlineData("/api/v1/causes?page=-1&pageSize=-1")]
    [InlineData("/api/v1/causes?pageSize=1.5")]
    [InlineData("/api/v1/causes?page=1&page=2")]
    [InlineData("/api/v1/causes/%2E%2E")]
    [InlineData("/api/v1/causes/%F0%9F%A6%B5/treatments")]
    public async Task OddInputNeverCausesA500(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"GET {url} gave {(int)response.StatusCode}");
        if (!response.IsSuccessStatusCode)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AnUnhandledExceptionIsA500ProblemWithoutItsMessageOrStackTrace()
    {
        using var throwing = new ThrowingApiFactory();
        using var client = throwing.CreateClient();

        using var response = await client.GetAsync(ThrowingApiFactory.Route);

        var problem = await response.ReadProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.ToString();
        Assert.DoesNotContain("boom", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/secret/path.db", body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotMatch(StackFrame(), body);
        Assert.False(problem.TryGetProperty("exception", out _), body);
    }

    [GeneratedRegex(@"\bat [\w.`<>]+\(")]
    private static partial Regex StackFrame();
}
