using System.Net;

namespace CrampKnowledge.Api.Tests.Endpoints;

public class PreventionEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Preventions = "/api/v1/preventions";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public Task ListPreventionsReturnsEverySeedPreventionWithItsFields() => RecordChecks.AssertListMatchesSeedAsync(_client, "preventions");

    [Theory]
    [InlineData("bananas", "mineral-rich-foods")]
    [InlineData("Drink Enough Water", "stay-hydrated")]
    [InlineData("ORTHOTICS", "proper-footwear")]
    [InlineData("don't overdo it", "avoid-overexertion")]
    public async Task QFindsPreventionsByNameOrAliasIgnoringCase(string q, string expectedId)
    {
        var list = await ListChecks.GetAllAsync(_client, $"{Preventions}?q={Uri.EscapeDataString(q)}");

        Assert.Contains(expectedId, list.ItemIds());
        Assert.All(list.Items(), item => Assert.Contains(
            item.GetProperty("aliases").Texts().Append(item.Text("name")),
            word => word.Contains(q, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task CauseFilterListsExactlyThePreventionsLinkedToEachCause()
    {
        var links = TestJson.SeedLinks("causePreventions", "cause", "prevention");

        foreach (var cause in TestJson.SeedRecords("causes").Select(c => c.Text("id")))
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{Preventions}?cause={cause}", links.Where(l => l.From == cause).Select(l => l.To));
        }
    }

    [Theory]
    [InlineData("muscle-overuse")]
    [InlineData("Muscle overuse and overexertion")]
    [InlineData("OVERUSE")]
    [InlineData("too much exercise")]
    public async Task CauseFilterAcceptsIdNameOrAliasIgnoringCase(string cause)
    {
        var expected = RecordChecks.Linked("causePreventions", "cause", "prevention", "muscle-overuse").Select(l => l.Id);

        await ListChecks.AssertListsExactlyAsync(_client, $"{Preventions}?cause={Uri.EscapeDataString(cause)}", expected);
    }

    [Fact]
    public async Task CategoryAndSourceFiltersListExactlyTheMatchingPreventions()
    {
        var seed = TestJson.SeedRecords("preventions");
        var categories = TestJson.ReadSeed("vocabulary.json").GetProperty("categories").GetProperty("prevention").EnumerateArray().Select(c => c.Text("id"));
        var sources = TestJson.ReadSeed("sources.json").EnumerateArray().Select(s => s.Text("id"));

        foreach (var category in categories)
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{Preventions}?category={category}",
                seed.Where(r => r.Text("category") == category).Select(r => r.Text("id")));
        }

        foreach (var source in sources)
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{Preventions}?source={source}",
                seed.Where(r => r.GetProperty("citations").EnumerateArray().Any(c => c.Text("source") == source)).Select(r => r.Text("id")));
        }
    }

    [Fact]
    public async Task MinSourcesListsOnlyPreventionsThatManyArticlesSupport()
    {
        var expected = TestJson.SeedRecords("preventions")
            .Where(r => r.GetProperty("citations").EnumerateArray().Select(c => c.Text("source")).Distinct().Count() >= 2)
            .Select(r => r.Text("id"));

        await ListChecks.AssertListsExactlyAsync(_client, $"{Preventions}?minSources=2", expected);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("sourceCount")]
    [InlineData("-sourceCount")]
    public Task SortOrdersThePreventions(string sort) => ListChecks.AssertSortedAsync(_client, Preventions, sort, "sourceCount");

    [Fact]
    public Task PagesCoverEveryPreventionOnceInOrder() => ListChecks.AssertPagingAsync(_client, Preventions, "-sourceCount");

    [Fact]
    public Task APageBeyondTheEndIsEmptyButKeepsTheTotal() => ListChecks.AssertPageBeyondTheEndIsEmptyAsync(_client, Preventions);

    [Fact]
    public async Task EveryPreventionDetailHasItsCitationsAndCauses()
    {
        foreach (var prevention in TestJson.SeedRecords("preventions"))
        {
            var id = prevention.Text("id");

            var detail = await RecordChecks.AssertDetailMatchesSeedAsync(_client, "preventions", prevention);

            RecordChecks.AssertRelated(detail.GetProperty("causes"), RecordChecks.Linked("causePreventions", "cause", "prevention", id, reverse: true));
        }
    }

    [Fact]
    public async Task CausesSubResourceListsExactlyTheLinkedCauses()
    {
        foreach (var id in TestJson.SeedRecords("preventions").Select(p => p.Text("id")))
        {
            await RecordChecks.AssertSubResourceAsync(_client, $"{Preventions}/{id}/causes", "prevention", id,
                RecordChecks.Linked("causePreventions", "cause", "prevention", id, reverse: true));
        }
    }

    [Theory]
    [InlineData("/api/v1/preventions/stay-hydratd")]
    [InlineData("/api/v1/preventions/stay-hydratd/causes")]
    public async Task AnUnknownPreventionIdIsA404ThatSuggestsTheNearestId(string url)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.Contains("'stay-hydrated'", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cause=overus", "cause")]
    [InlineData("category=hydration", "category")]
    [InlineData("source=unknown", "source")]
    public async Task InvalidPreventionFiltersAreA400NamingTheParameter(string query, string parameter)
    {
        var problem = await _client.GetProblemAsync($"{Preventions}?{query}", HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray());
    }

    /// <summary>Each prevention the articles state, found by the words a person would type.</summary>
    [Theory]
    [InlineData("sports massage", "sports-massage")]
    [InlineData("rehabilitation", "rehabilitation-program")]
    [InlineData("rehab", "rehabilitation-program")]
    [InlineData("underlying condition", "address-underlying-factors")]
    [InlineData("warm up", "stretch-and-warm-up-before-exercise")]
    [InlineData("stretch before sleep", "stretch-before-bed")]
    [InlineData("drink plenty of water", "stay-hydrated")]
    [InlineData("electrolytes", "replace-electrolytes")]
    [InlineData("bananas", "mineral-rich-foods")]
    [InlineData("vitamin e", "vitamin-e")]
    [InlineData("supplements in pregnancy", "calcium-magnesium-supplements")]
    [InlineData("avoid certain medications", "avoid-cramp-causing-medications")]
    [InlineData("shoes", "proper-footwear")]
    [InlineData("take breaks", "regular-breaks")]
    [InlineData("balanced diet", "balanced-diet")]
    [InlineData("swimming", "regular-exercise")]
    [InlineData("pace yourself", "avoid-overexertion")]
    [InlineData("posture", "good-body-position")]
    [InlineData("varied workouts", "vary-workouts")]
    [InlineData("calf stretches", "regular-stretching-and-strengthening")]
    public async Task QFindsEveryPreventionByEverydayWords(string q, string expectedId)
    {
        var list = await ListChecks.GetAllAsync(_client, $"{Preventions}?q={Uri.EscapeDataString(q)}");

        Assert.Contains(expectedId, list.ItemIds());
    }

    /// <summary>Aliases never reach past what a record's quotes say (issue 15: aliases may not widen a record).</summary>
    [Theory]
    [InlineData("/api/v1/preventions?q=stop", "avoid-cramp-causing-medications")]
    [InlineData("/api/v1/preventions?q=magnesium pills", "calcium-magnesium-supplements")]
    [InlineData("/api/v1/treatments?q=alternative treatments", "epat")]
    public async Task NoAliasWidensARecordBeyondItsQuotes(string url, string id)
    {
        var list = await ListChecks.GetAllAsync(_client, url);

        Assert.DoesNotContain(id, list.ItemIds());
    }

    [Fact]
    public async Task SupplementsAreOnlyListedWithThePregnancyTheArticleLimitsThemTo()
    {
        var list = await ListChecks.GetAllAsync(_client, $"{Preventions}?q=supplements");

        Assert.NotEmpty(list.Items());
        Assert.All(list.Items(), item => Assert.Contains("pregnancy", item.Text("name"), StringComparison.OrdinalIgnoreCase));
    }
}
