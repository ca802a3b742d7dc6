using System.Net;
using System.Text.Json;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>Any string is searched as text or rejected with a 400; nothing reaches the index or SQL as syntax.</summary>
public sealed class SearchSafetyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("\"dehydration")]
    [InlineData("dehydration\"")]
    [InlineData("\"\"\"")]
    [InlineData("cramp*")]
    [InlineData("*")]
    [InlineData("-cramp")]
    [InlineData("cramp -night")]
    [InlineData("NEAR(cramp night)")]
    [InlineData("NEAR(\"a\" \"b\", 2)")]
    [InlineData("cramp AND night")]
    [InlineData("cramp OR")]
    [InlineData("NOT cramp")]
    [InlineData("((cramp")]
    [InlineData("cramp))")]
    [InlineData("name:cramp")]
    [InlineData("{name aliases}: cramp")]
    [InlineData("^cramp")]
    [InlineData("'; DROP TABLE Records; --")]
    [InlineData("1' OR '1'='1")]
    [InlineData("x\" UNION SELECT * FROM Sources --")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("crämp nïght")]
    [InlineData("судорога ноги")]
    [InlineData("腿抽筋")]
    [InlineData("🦵 cramp 💥")]
    [InlineData("cramp\u200Bnight")]
    [InlineData("\u202Ecramp")]
    [InlineData("e\u0301\u0301\u0301")]
    [InlineData("cramp\tnight\nleg")]
    public async Task OddInputIsSearchedOrRejectedButNeverFails(string query)
    {
        using var response = await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"'{query}' gave {(int)response.StatusCode}: {body}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var result = JsonSerializer.Deserialize<JsonElement>(body);
            Assert.Equal(query, result.Text("query"));
            Assert.All(result.GetProperty("hits").EnumerateArray(), hit => Assert.DoesNotContain("<script>", hit.Text("snippet"), StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task OperatorWordsAreSearchedAsWords()
    {
        var result = await _client.GetOkAsync($"/api/v1/search?q={Uri.EscapeDataString("NEAR(\"water\" \"pills\") AND -*")}");

        Assert.Equal("diuretics", result.GetProperty("hits")[0].Text("id"));
    }

    [Fact]
    public async Task SqlFragmentsLeaveTheDataIntact()
    {
        await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString("x'); DELETE FROM Records; --")}");

        var causes = await _client.GetOkAsync("/api/v1/causes?pageSize=1");
        Assert.True(causes.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task TheLongestAllowedQueryIsSearched()
    {
        var query = string.Concat(Enumerable.Repeat("cramp ", 40)).Trim()[..200];

        var result = await _client.GetOkAsync($"/api/v1/search?q={Uri.EscapeDataString(query)}");

        Assert.NotEqual(0, result.GetProperty("hits").GetArrayLength());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=***", "q")]
    [InlineData("q=%22%22", "q")]
    [InlineData("q=cramp&limit=0", "limit")]
    [InlineData("q=cramp&limit=51", "limit")]
    [InlineData("q=cramp&limit=ten", "limit")]
    [InlineData("q=cramp&types=disease", "types")]
    [InlineData("q=cramp&types=cause,bogus", "types")]
    public async Task InvalidParametersAreRejectedWithProblemDetails(string queryString, string parameter)
    {
        var problem = await _client.GetProblemAsync($"/api/v1/search?{queryString}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(problem.Text("detail")));
    }

    [Fact]
    public async Task AQueryOverTwoHundredCharactersIsRejected()
    {
        var problem = await _client.GetProblemAsync($"/api/v1/search?q={new string('a', 201)}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task AVeryLongQueryIsRejectedNotSearched()
    {
        using var response = await _client.GetAsync($"/api/v1/search?q={new string('x', 10_000)}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.RequestUriTooLong);
        Assert.Contains("2048", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidPercentEncodingIsHandled()
    {
        using var response = await _client.GetAsync("/api/v1/search?q=%FF%FE%C3");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest);
    }
}
