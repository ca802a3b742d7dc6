using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CrampKnowledge.Api.Tests.Endpoints;

public class SourceEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Sources = "/api/v1/sources";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ListSourcesReturnsEverySourceWithItsCitationCount()
    {
        var seed = TestJson.ReadSeed("sources.json").EnumerateArray().ToList();
        var citations = TestJson.AllSeedCitations().GroupBy(c => c.Text("source")).ToDictionary(g => g.Key, g => g.Count());

        var list = await ListChecks.GetAllAsync(_client, Sources);

        Assert.Equal(seed.Select(s => s.Text("id")).Order(StringComparer.Ordinal), list.ItemIds().Order(StringComparer.Ordinal));
        foreach (var item in list.Items())
        {
            var source = seed.Single(s => s.Text("id") == item.Text("id"));
            Assert.Equal(source.Text("title"), item.Text("name"));
            Assert.Equal(source.Text("summary"), item.Text("summary"));
            Assert.Equal(source.Text("kind"), item.Text("category"));
            Assert.Equal(source.GetProperty("publisher").GetString(), item.GetProperty("publisher").GetString());
            Assert.Equal(citations[source.Text("id")], item.GetProperty("citationCount").GetInt32());
        }

        Assert.Equal(RecordChecks.Disclaimer, list.Text("disclaimer"));
    }

    [Theory]
    [InlineData("prairie", "prairie-path")]
    [InlineData("LEG SPASMS", "leg-spasms")]
    [InlineData("Pain Assist", "epainassist")]
    public async Task QFindsSourcesByTitleOrPublisherIgnoringCase(string q, string expectedId)
    {
        var list = await ListChecks.GetAllAsync(_client, $"{Sources}?q={Uri.EscapeDataString(q)}");

        Assert.Contains(expectedId, list.ItemIds());
        Assert.All(list.Items(), item => Assert.True(
            item.Text("name").Contains(q, StringComparison.OrdinalIgnoreCase)
            || (item.GetProperty("publisher").GetString() ?? "").Contains(q, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task CategoryFilterListsExactlyTheSourcesOfThatKind()
    {
        var seed = TestJson.ReadSeed("sources.json").EnumerateArray().ToList();
        var kinds = TestJson.ReadSeed("vocabulary.json").GetProperty("sourceKinds").EnumerateArray().Select(k => k.Text("id"));

        foreach (var kind in kinds)
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{Sources}?category={kind}",
                seed.Where(s => s.Text("kind") == kind).Select(s => s.Text("id")));
        }
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("citationCount")]
    [InlineData("-citationCount")]
    public Task SortOrdersTheSources(string sort) => ListChecks.AssertSortedAsync(_client, Sources, sort, "citationCount");

    [Fact]
    public Task PagesCoverEverySourceOnceInOrder() => ListChecks.AssertPagingAsync(_client, Sources, "-citationCount");

    [Fact]
    public Task APageBeyondTheEndIsEmptyButKeepsTheTotal() => ListChecks.AssertPageBeyondTheEndIsEmptyAsync(_client, Sources);

    [Fact]
    public async Task EverySourceDetailHasItsUneditedTextAndTheRecordsThatCiteIt()
    {
        foreach (var source in TestJson.ReadSeed("sources.json").EnumerateArray())
        {
            var id = source.Text("id");
            var bytes = await File.ReadAllBytesAsync(Path.Combine(TestJson.SeedDirectory, source.Text("file")));
            var citedBy = TestJson.RecordPlurals
                .SelectMany(plural => TestJson.SeedRecords(plural)
                    .Where(r => r.GetProperty("citations").EnumerateArray().Any(c => c.Text("source") == id))
                    .Select(r => $"{plural[..^1]}/{r.Text("id")}"))
                .Order(StringComparer.Ordinal);

            var detail = await _client.GetOkAsync($"{Sources}/{id}");

            Assert.Equal(source.Text("title"), detail.Text("name"));
            Assert.Equal(Path.GetFileName(source.Text("file")), detail.Text("fileName"));
            Assert.Equal(source.Text("sha256"), detail.Text("sha256"), ignoreCase: true);
            Assert.Equal(Encoding.UTF8.GetString(bytes), detail.Text("text"));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), detail.Text("sha256"));
            Assert.Equal(citedBy, detail.GetProperty("citedBy").EnumerateArray()
                .Select(r => $"{r.Text("type")}/{r.Text("id")}").Order(StringComparer.Ordinal));
            Assert.Equal(RecordChecks.Disclaimer, detail.Text("disclaimer"));
        }
    }

    [Theory]
    [InlineData("/api/v1/sources/prairie-pth", "'prairie-path'")]
    [InlineData("/api/v1/sources/Leg-Spasms", "'leg-spasms'")]
    public async Task AnUnknownSourceIdIsA404ThatSuggestsTheNearestId(string url, string suggestion)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.Contains(suggestion, problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("category=unknown", "category")]
    [InlineData("sort=sourceCount", "sort")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=abc", "page")]
    public async Task InvalidSourceListParametersAreA400NamingTheParameter(string query, string parameter)
    {
        var problem = await _client.GetProblemAsync($"{Sources}?{query}", HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray());
    }
}
