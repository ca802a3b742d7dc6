using System.Net;

namespace CrampKnowledge.Api.Tests.Endpoints;

public class RedFlagEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string RedFlags = "/api/v1/red-flags";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public Task ListRedFlagsReturnsEverySeedRedFlagWithItsUrgency() => RecordChecks.AssertListMatchesSeedAsync(_client, "red-flags");

    [Fact]
    public async Task UrgencyFilterListsExactlyTheRedFlagsOfThatTier()
    {
        var seed = TestJson.SeedRecords("red-flags");
        var urgencies = TestJson.ReadSeed("vocabulary.json").GetProperty("urgencies").EnumerateArray().Select(u => u.Text("id")).ToList();

        foreach (var urgency in urgencies)
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{RedFlags}?urgency={urgency}",
                seed.Where(r => r.Text("urgency") == urgency).Select(r => r.Text("id")));
        }

        Assert.True(urgencies.Count(u => seed.Any(r => r.Text("urgency") == u)) > 1, "the seed data uses a single urgency");
    }

    [Fact]
    public async Task CauseFilterListsExactlyTheRedFlagsLinkedToEachCause()
    {
        var links = TestJson.SeedLinks("causeRedFlags", "cause", "redFlag");

        foreach (var cause in TestJson.SeedRecords("causes").Select(c => c.Text("id")))
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{RedFlags}?cause={cause}", links.Where(l => l.From == cause).Select(l => l.To));
        }
    }

    [Theory]
    [InlineData("poor-circulation")]
    [InlineData("POOR CIRCULATION")]
    [InlineData("Bad Circulation")]
    public async Task CauseFilterAcceptsIdNameOrAliasIgnoringCase(string cause)
    {
        var expected = RecordChecks.Linked("causeRedFlags", "cause", "redFlag", "poor-circulation").Select(l => l.Id);

        await ListChecks.AssertListsExactlyAsync(_client, $"{RedFlags}?cause={Uri.EscapeDataString(cause)}", expected);
    }

    [Fact]
    public async Task TreatmentFilterListsExactlyTheCautionsAboutEachTreatment()
    {
        var links = TestJson.SeedLinks("treatmentCautions", "treatment", "redFlag");

        foreach (var treatment in TestJson.SeedRecords("treatments").Select(t => t.Text("id")))
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{RedFlags}?treatment={treatment}", links.Where(l => l.From == treatment).Select(l => l.To));
        }
    }

    [Theory]
    [InlineData("torn muscle", "lingering-soreness-or-muscle-tear")]
    [InlineData("Can't Sleep", "spasms-disturbing-sleep")]
    [InlineData("WALKING", "leg-pain-while-walking")]
    public async Task QFindsRedFlagsByNameOrAliasIgnoringCase(string q, string expectedId)
    {
        var list = await ListChecks.GetAllAsync(_client, $"{RedFlags}?q={Uri.EscapeDataString(q)}");

        Assert.Contains(expectedId, list.ItemIds());
        Assert.All(list.Items(), item => Assert.Contains(
            item.GetProperty("aliases").Texts().Append(item.Text("name")),
            word => word.Contains(q, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Each warning sign the articles state, found by the words a person would type.</summary>
    [Theory]
    [InlineData("pain worse at rest", "severe-pain-worse-at-rest-or-elevated")]
    [InlineData("leg raised", "severe-pain-worse-at-rest-or-elevated")]
    [InlineData("elevating the leg", "severe-pain-worse-at-rest-or-elevated")]
    [InlineData("disturb sleep", "spasms-disturbing-sleep")]
    [InlineData("keep me awake", "spasms-disturbing-sleep")]
    [InlineData("underlying condition", "frequent-or-severe-cramps")]
    [InlineData("sudden pain", "frequent-or-severe-cramps")]
    [InlineData("frequent or severe", "frequent-or-severe-cramps")]
    [InlineData("pain when walking", "leg-pain-while-walking")]
    [InlineData("muscle tear", "lingering-soreness-or-muscle-tear")]
    [InlineData("soreness next day", "lingering-soreness-or-muscle-tear")]
    [InlineData("massage after injury", "massage-during-acute-injury")]
    [InlineData("acute stage", "massage-during-acute-injury")]
    [InlineData("stretching not working", "stretching-insufficient-for-underlying-causes")]
    [InlineData("underlying cause", "stretching-insufficient-for-underlying-causes")]
    [InlineData("won't go away", "persistent-cramps")]
    [InlineData("cramps after the same distance", "frequent-or-predictable-cramps")]
    [InlineData("muscle relaxant", "muscle-relaxant-short-term-only")]
    public async Task QFindsEveryWarningSignByEverydayWords(string q, string expectedId)
    {
        var list = await ListChecks.GetAllAsync(_client, $"{RedFlags}?q={Uri.EscapeDataString(q)}");

        Assert.Contains(expectedId, list.ItemIds());
    }

    [Fact]
    public async Task CategoryFilterListsExactlyTheRedFlagsInThatCategory()
    {
        var seed = TestJson.SeedRecords("red-flags");
        var categories = TestJson.ReadSeed("vocabulary.json").GetProperty("categories").GetProperty("red-flag").EnumerateArray().Select(c => c.Text("id"));

        foreach (var category in categories)
        {
            await ListChecks.AssertListsExactlyAsync(_client, $"{RedFlags}?category={category}",
                seed.Where(r => r.Text("category") == category).Select(r => r.Text("id")));
        }
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("sourceCount")]
    [InlineData("-sourceCount")]
    public Task SortOrdersTheRedFlags(string sort) => ListChecks.AssertSortedAsync(_client, RedFlags, sort, "sourceCount");

    [Fact]
    public Task PagesCoverEveryRedFlagOnceInOrder() => ListChecks.AssertPagingAsync(_client, RedFlags, "sourceCount");

    [Fact]
    public Task APageBeyondTheEndIsEmptyButKeepsTheTotal() => ListChecks.AssertPageBeyondTheEndIsEmptyAsync(_client, RedFlags);

    [Fact]
    public async Task EveryRedFlagDetailHasItsUrgencyCitationsCausesAndTreatments()
    {
        foreach (var redFlag in TestJson.SeedRecords("red-flags"))
        {
            var id = redFlag.Text("id");

            var detail = await RecordChecks.AssertDetailMatchesSeedAsync(_client, "red-flags", redFlag);

            RecordChecks.AssertRelated(detail.GetProperty("causes"), RecordChecks.Linked("causeRedFlags", "cause", "redFlag", id, reverse: true));
            RecordChecks.AssertRelated(detail.GetProperty("treatments"), RecordChecks.Linked("treatmentCautions", "treatment", "redFlag", id, reverse: true));
        }
    }

    [Fact]
    public async Task CausesSubResourceListsExactlyTheLinkedCauses()
    {
        foreach (var id in TestJson.SeedRecords("red-flags").Select(r => r.Text("id")))
        {
            await RecordChecks.AssertSubResourceAsync(_client, $"{RedFlags}/{id}/causes", "red-flag", id,
                RecordChecks.Linked("causeRedFlags", "cause", "redFlag", id, reverse: true));
        }
    }

    [Theory]
    [InlineData("/api/v1/red-flags/persistent-cramp")]
    [InlineData("/api/v1/red-flags/persistent-cramp/causes")]
    public async Task AnUnknownRedFlagIdIsA404ThatSuggestsTheNearestId(string url)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.Contains("'persistent-cramps'", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urgency=unknown", "urgency")]
    [InlineData("urgency=See-Doctor", "urgency")]
    [InlineData("cause=unknown", "cause")]
    [InlineData("treatment=unknown", "treatment")]
    [InlineData("category=caution", "category")]
    public async Task InvalidRedFlagFiltersAreA400NamingTheParameter(string query, string parameter)
    {
        var problem = await _client.GetProblemAsync($"{RedFlags}?{query}", HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray());
    }
}
