using System.Net;

namespace CrampKnowledge.Api.Tests.Endpoints;

public class TreatmentEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Treatments = "/api/v1/treatments";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public Task ListTreatmentsReturnsEverySeedTreatmentWithItsFields() => RecordChecks.AssertListMatchesSeedAsync(_client, "treatments");

    [Theory]
    [InlineData("dehydration")]
    [InlineData("Dehydration")]
    [InlineData("DEHYDRATION")]
    [InlineData("not drinking enough water")]
    [InlineData("Dehydrated")]
    public async Task TreatmentsForAGivenCauseAreExactlyTheLinkedOnesEachWithCitations(string cause)
    {
        var expected = RecordChecks.Linked("causeTreatments", "cause", "treatment", "dehydration").Select(l => l.Id).ToList();

        var list = await ListChecks.GetAllAsync(_client, $"{Treatments}?cause={Uri.EscapeDataString(cause)}");

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), list.ItemIds().Order(StringComparer.Ordinal));
        foreach (var id in list.ItemIds())
        {
            var detail = await _client.GetOkAsync($"{Treatments}/{id}");
            Assert.NotEmpty(detail.GetProperty("citations").EnumerateArray());
            Assert.Contains("dehydration", detail.GetProperty("causes").EnumerateArray().Select(c => c.Text("id")));
        }
    }

    [Fact]
    public async Task CauseFilterListsExactlyTheTreatmentsLinkedToEachCause()
    {
        var links = TestJson.SeedLinks("causeTreatments", "cause", "treatment");

        foreach (var cause in TestJson.SeedRecords("causes").Select(c => c.Text("id")))
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{Treatments}?cause={cause}", links.Where(l => l.From == cause).Select(l => l.To));
        }
    }

    [Theory]
    [InlineData("cause=")]
    [InlineData("cause=%20%20")]
    public async Task AnEmptyCauseFilterMeansNoFilter(string query)
    {
        var all = await ListChecks.GetAllAsync(_client, Treatments);

        var filtered = await ListChecks.GetAllAsync(_client, $"{Treatments}?{query}");

        Assert.Equal(all.ItemIds(), filtered.ItemIds());
    }

    [Theory]
    [InlineData("ice", "apply-ice")]
    [InlineData("HEAT", "apply-heat")]
    [InlineData("Sports Massage", "sports-massage")]
    public async Task QFindsTreatmentsByNameOrAliasIgnoringCase(string q, string expectedId)
    {
        var list = await ListChecks.GetAllAsync(_client, $"{Treatments}?q={Uri.EscapeDataString(q)}");

        Assert.Contains(expectedId, list.ItemIds());
        Assert.All(list.Items(), item => Assert.Contains(
            item.GetProperty("aliases").Texts().Append(item.Text("name")),
            word => word.Contains(q, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task CategoryAndSourceFiltersListExactlyTheMatchingTreatments()
    {
        var seed = TestJson.SeedRecords("treatments");
        var categories = TestJson.ReadSeed("vocabulary.json").GetProperty("categories").GetProperty("treatment").EnumerateArray().Select(c => c.Text("id"));
        var sources = TestJson.ReadSeed("sources.json").EnumerateArray().Select(s => s.Text("id"));

        foreach (var category in categories)
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{Treatments}?category={category}",
                seed.Where(r => r.Text("category") == category).Select(r => r.Text("id")));
        }

        foreach (var source in sources)
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{Treatments}?source={source}",
                seed.Where(r => r.GetProperty("citations").EnumerateArray().Any(c => c.Text("source") == source)).Select(r => r.Text("id")));
        }
    }

    [Fact]
    public async Task FiltersCombineAsAnd()
    {
        var inCategory = TestJson.SeedRecords("treatments").Where(r => r.Text("category") == "fluids-and-nutrition").Select(r => r.Text("id")).ToList();
        var linked = RecordChecks.Linked("causeTreatments", "cause", "treatment", "muscle-overuse").Select(l => l.Id).ToList();
        var expected = linked.Intersect(inCategory).ToList();

        await ListChecks.AssertListsExactlyAsync(_client, $"{Treatments}?cause=muscle-overuse&category=fluids-and-nutrition", expected);

        Assert.NotEmpty(expected);
        Assert.True(expected.Count < linked.Count && expected.Count < inCategory.Count, "the combination must narrow both filters");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task MinSourcesListsOnlyTreatmentsThatManyArticlesSupport(int minSources)
    {
        var expected = TestJson.SeedRecords("treatments")
            .Where(r => r.GetProperty("citations").EnumerateArray().Select(c => c.Text("source")).Distinct().Count() >= minSources)
            .Select(r => r.Text("id"));

        await ListChecks.AssertListsExactlyAsync(_client, $"{Treatments}?minSources={minSources}", expected);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("sourceCount")]
    [InlineData("-sourceCount")]
    public Task SortOrdersTheTreatments(string sort) => ListChecks.AssertSortedAsync(_client, Treatments, sort, "sourceCount");

    [Fact]
    public Task PagesCoverEveryTreatmentOnceInOrder() => ListChecks.AssertPagingAsync(_client, Treatments, "sourceCount");

    [Fact]
    public Task APageBeyondTheEndIsEmptyButKeepsTheTotal() => ListChecks.AssertPageBeyondTheEndIsEmptyAsync(_client, Treatments);

    [Fact]
    public async Task EveryTreatmentDetailHasItsCitationsCausesAndCautions()
    {
        foreach (var treatment in TestJson.SeedRecords("treatments"))
        {
            var id = treatment.Text("id");

            var detail = await RecordChecks.AssertDetailMatchesSeedAsync(_client, "treatments", treatment);

            RecordChecks.AssertRelated(detail.GetProperty("causes"), RecordChecks.Linked("causeTreatments", "cause", "treatment", id, reverse: true));
            RecordChecks.AssertRelated(detail.GetProperty("cautions"), RecordChecks.Linked("treatmentCautions", "treatment", "redFlag", id));
        }
    }

    [Fact]
    public async Task SubResourcesListExactlyTheLinkedCausesAndCautions()
    {
        foreach (var id in TestJson.SeedRecords("treatments").Select(t => t.Text("id")))
        {
            await RecordChecks.AssertSubResourceAsync(_client, $"{Treatments}/{id}/causes", "treatment", id,
                RecordChecks.Linked("causeTreatments", "cause", "treatment", id, reverse: true));
            await RecordChecks.AssertSubResourceAsync(_client, $"{Treatments}/{id}/cautions", "treatment", id,
                RecordChecks.Linked("treatmentCautions", "treatment", "redFlag", id));
        }
    }

    [Theory]
    [InlineData("/api/v1/treatments/sport-massage", "sports-massage")]
    [InlineData("/api/v1/treatments/sport-massage/causes", "sports-massage")]
    [InlineData("/api/v1/treatments/sport-massage/cautions", "sports-massage")]
    [InlineData("/api/v1/treatments/Apply-Heat", "apply-heat")]
    public async Task AnUnknownTreatmentIdIsA404ThatSuggestsTheNearestId(string url, string suggestion)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.Contains($"'{suggestion}'", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cause=dehydation", "cause", "'dehydration'")]
    [InlineData("cause=water%20pils", "cause", "'diuretics'")]
    [InlineData("category=stretching", "category", "'stretching-and-movement'")]
    [InlineData("source=prairie-pth", "source", "'prairie-path'")]
    public async Task AMisspeltFilterIsA400ThatSuggestsTheNearestId(string query, string parameter, string suggestion)
    {
        var problem = await _client.GetProblemAsync($"{Treatments}?{query}", HttpStatusCode.BadRequest);

        Assert.Contains(suggestion, problem.Text("detail"), StringComparison.Ordinal);
        var messages = problem.GetProperty("errors").GetProperty(parameter).Texts();
        Assert.Contains(messages, m => m.Contains(suggestion, StringComparison.Ordinal));
    }
}
