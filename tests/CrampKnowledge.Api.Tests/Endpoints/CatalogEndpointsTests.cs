using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CrampKnowledge.Api.Tests.Endpoints;

public partial class CatalogEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task IndexCountsMatchTheListTotalsAndTheSeedFiles()
    {
        var links = TestJson.ReadSeed("links.json").EnumerateObject().Sum(list => list.Value.GetArrayLength());
        var contested = TestJson.ReadSeed("contested.json");
        var citations = TestJson.AllSeedCitations().Count();

        var index = await _client.GetOkAsync("/api/v1");

        var counts = index.GetProperty("counts");
        foreach (var (property, list) in new[] { ("causes", "causes"), ("treatments", "treatments"), ("preventions", "preventions"), ("redFlags", "red-flags"), ("sources", "sources") })
        {
            var total = (await _client.GetOkAsync($"/api/v1/{list}")).GetProperty("total").GetInt32();
            Assert.True(total > 0, $"{list} is empty");
            Assert.Equal(total, counts.GetProperty(property).GetInt32());
        }

        Assert.Equal(links, counts.GetProperty("links").GetInt32());
        Assert.Equal(citations, counts.GetProperty("citations").GetInt32());
        Assert.Equal(contested.GetArrayLength(), counts.GetProperty("contestedPoints").GetInt32());
        Assert.Matches(Sha256Hex(), index.Text("contentVersion"));
        Assert.Equal(RecordChecks.Disclaimer, index.Text("disclaimer"));
    }

    [Fact]
    public async Task IndexLinksLeadToWorkingLists()
    {
        var index = await _client.GetOkAsync("/api/v1");

        var links = index.GetProperty("links").EnumerateObject().ToList();

        foreach (var plural in TestJson.RecordPlurals.Append("sources").Append("categories"))
        {
            Assert.Contains(links, l => l.Value.GetString() == $"/api/v1/{plural}");
        }

        Assert.Equal(
            ["categories", "causes", "condition", "graph", "mcp", "openapi", "preventions", "red-flag-check", "red-flag-rules", "red-flags",
                "search", "sources", "treatments"],
            links.Select(l => l.Name).Order(StringComparer.Ordinal));
        foreach (var link in links)
        {
            var url = link.Value.GetString()!;
            switch (link.Name)
            {
                case "search":
                    await _client.GetOkAsync($"{url}?q=cramp");
                    break;
                case "red-flag-check":
                    using (var check = await _client.PostAsync(url, new StringContent("""{"description":"cramp"}""", System.Text.Encoding.UTF8, "application/json")))
                    {
                        Assert.Equal(System.Net.HttpStatusCode.OK, check.StatusCode);
                    }

                    break;
                case "condition":
                    using (var markup = await _client.GetAsync(url))
                    {
                        Assert.Equal("application/ld+json", markup.Content.Headers.ContentType?.MediaType);
                    }

                    break;
                case "mcp":
                    using (var mcp = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"ping"}""", System.Text.Encoding.UTF8, "application/json") })
                    {
                        mcp.Headers.Accept.ParseAdd("application/json");
                        mcp.Headers.Accept.ParseAdd("text/event-stream");
                        using var answer = await _client.SendAsync(mcp);
                        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
                    }

                    break;
                default:
                    await _client.GetOkAsync(url);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("causes", "cause", "causes")]
    [InlineData("treatments", "treatment", "treatments")]
    [InlineData("preventions", "prevention", "preventions")]
    [InlineData("redFlags", "red-flag", "red-flags")]
    public async Task CategoryCountsMatchTheCategoryFilterTotals(string property, string type, string plural)
    {
        var vocabulary = TestJson.ReadSeed("vocabulary.json").GetProperty("categories").GetProperty(type).EnumerateArray().Select(t => t.Text("id"));

        var entries = (await _client.GetOkAsync("/api/v1/categories")).GetProperty(property).EnumerateArray().ToList();

        Assert.Equal(vocabulary, entries.Select(e => e.Text("id")));
        foreach (var entry in entries)
        {
            var list = await _client.GetOkAsync($"/api/v1/{plural}?category={entry.Text("id")}");
            Assert.Equal(list.GetProperty("total").GetInt32(), entry.GetProperty("count").GetInt32());
        }

        Assert.Equal(TestJson.SeedRecords(plural).Count, entries.Sum(e => e.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task SourceKindUrgencyAndCertaintyCountsMatchTheData()
    {
        var certainties = TestJson.AllSeedCitations()
            .GroupBy(c => c.Text("certainty")).ToDictionary(g => g.Key, g => g.Count());

        var categories = await _client.GetOkAsync("/api/v1/categories");

        foreach (var kind in categories.GetProperty("sourceKinds").EnumerateArray())
        {
            var list = await _client.GetOkAsync($"/api/v1/sources?category={kind.Text("id")}");
            Assert.Equal(list.GetProperty("total").GetInt32(), kind.GetProperty("count").GetInt32());
        }

        foreach (var urgency in categories.GetProperty("urgencies").EnumerateArray())
        {
            var list = await _client.GetOkAsync($"/api/v1/red-flags?urgency={urgency.Text("id")}");
            Assert.Equal(list.GetProperty("total").GetInt32(), urgency.GetProperty("count").GetInt32());
        }

        Assert.All(categories.GetProperty("certainties").EnumerateArray(),
            c => Assert.Equal(certainties.GetValueOrDefault(c.Text("id")), c.GetProperty("count").GetInt32()));
        Assert.Equal(RecordChecks.Disclaimer, categories.Text("disclaimer"));
    }

    [Theory]
    [InlineData("/api/v1")]
    [InlineData("/api/v1/categories")]
    [InlineData("/api/v1/causes?q=cramp")]
    [InlineData("/api/v1/causes/dehydration")]
    [InlineData("/api/v1/causes/dehydration/treatments")]
    [InlineData("/api/v1/causes/dehydration/preventions")]
    [InlineData("/api/v1/causes/poor-circulation/red-flags")]
    [InlineData("/api/v1/treatments")]
    [InlineData("/api/v1/treatments/massage")]
    [InlineData("/api/v1/treatments/massage/causes")]
    [InlineData("/api/v1/treatments/massage/cautions")]
    [InlineData("/api/v1/preventions")]
    [InlineData("/api/v1/preventions/stay-hydrated")]
    [InlineData("/api/v1/preventions/stay-hydrated/causes")]
    [InlineData("/api/v1/red-flags")]
    [InlineData("/api/v1/red-flags/persistent-cramps")]
    [InlineData("/api/v1/red-flags/persistent-cramps/causes")]
    [InlineData("/api/v1/sources")]
    [InlineData("/api/v1/sources/prairie-path")]
    [InlineData("/api/v1/causes?page=99")]
    [InlineData("/api/v1/graph")]
    [InlineData("/api/v1/search?q=cramp")]
    public async Task EveryHealthResponseCarriesTheDisclaimer(string url)
    {
        var body = await _client.GetOkAsync(url);

        Assert.Equal(JsonValueKind.String, body.GetProperty("disclaimer").ValueKind);
        Assert.Equal(RecordChecks.Disclaimer, body.Text("disclaimer"));
        Assert.Contains("not medical advice", body.Text("disclaimer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRootRedirectsToSwagger()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/");

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, $"GET / gave {(int)response.StatusCode}");
        Assert.Equal("/swagger", response.Headers.Location?.OriginalString);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Sha256Hex();
}
