using System.Net;

namespace CrampKnowledge.Api.Tests.Endpoints;

public class CauseEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Causes = "/api/v1/causes";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public Task ListCausesReturnsEverySeedCauseWithItsFields() => RecordChecks.AssertListMatchesSeedAsync(_client, "causes");

    [Theory]
    [InlineData("water pills", "diuretics")]
    [InlineData("WATER PILLS", "diuretics")]
    [InlineData("CHOLESTEROL drugs", "cholesterol-drugs")]
    [InlineData("statins", "cholesterol-drugs")]
    [InlineData("Not Drinking Enough Water", "dehydration")]
    [InlineData("potassium", "low-potassium")]
    public async Task QFindsCausesByNameOrAliasIgnoringCase(string q, string expectedId)
    {
        var list = await ListChecks.GetAllAsync(_client, $"{Causes}?q={Uri.EscapeDataString(q)}");

        Assert.Contains(expectedId, list.ItemIds());
        Assert.All(list.Items(), item => Assert.Contains(
            item.GetProperty("aliases").Texts().Append(item.Text("name")),
            word => word.Contains(q, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task QThatMatchesNothingGivesAnEmptyPage()
    {
        var list = await _client.GetOkAsync($"{Causes}?q=xylophone");

        Assert.Empty(list.Items());
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CategoryFilterListsExactlyTheCausesInThatCategory()
    {
        var seed = TestJson.SeedRecords("causes");
        var categories = TestJson.ReadSeed("vocabulary.json").GetProperty("categories").GetProperty("cause").EnumerateArray();

        foreach (var category in categories.Select(c => c.Text("id")))
        {
            var expected = seed.Where(r => r.Text("category") == category).Select(r => r.Text("id"));
            await ListChecks.AssertListsExactlyAsync(_client, $"{Causes}?category={category}", expected);
        }
    }

    [Fact]
    public async Task SourceFilterListsExactlyTheCausesThatCiteTheSource()
    {
        var seed = TestJson.SeedRecords("causes");
        var sources = TestJson.ReadSeed("sources.json").EnumerateArray().Select(s => s.Text("id"));

        foreach (var source in sources)
        {
            var expected = seed
                .Where(r => r.GetProperty("citations").EnumerateArray().Any(c => c.Text("source") == source))
                .Select(r => r.Text("id"));
            await ListChecks.AssertListsExactlyAsync(_client, $"{Causes}?source={source}", expected);
        }
    }

    [Fact]
    public async Task TreatmentFilterListsExactlyTheCausesLinkedToTheTreatment()
    {
        var links = TestJson.SeedLinks("causeTreatments", "cause", "treatment");

        foreach (var treatment in TestJson.SeedRecords("treatments").Select(t => t.Text("id")))
        {
            var expected = links.Where(l => l.To == treatment).Select(l => l.From);
            await ListChecks.AssertListsExactlyAsync(_client, $"{Causes}?treatment={treatment}", expected);
        }
    }

    [Theory]
    [InlineData("id")]
    [InlineData("name")]
    [InlineData("alias")]
    [InlineData("upper-case alias")]
    public async Task TreatmentFilterAcceptsIdNameOrAliasIgnoringCase(string form)
    {
        var treatment = TestJson.SeedRecords("treatments").First(t => t.GetProperty("aliases").GetArrayLength() > 0);
        var word = form switch
        {
            "id" => treatment.Text("id"),
            "name" => treatment.Text("name"),
            "alias" => treatment.GetProperty("aliases")[0].GetString()!,
            _ => treatment.GetProperty("aliases")[0].GetString()!.ToUpperInvariant(),
        };
        var expected = RecordChecks.Linked("causeTreatments", "cause", "treatment", treatment.Text("id"), reverse: true).Select(l => l.Id);

        await ListChecks.AssertListsExactlyAsync(_client, $"{Causes}?treatment={Uri.EscapeDataString(word)}", expected);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task MinSourcesListsOnlyCausesThatManyArticlesSupport(int minSources)
    {
        var expected = TestJson.SeedRecords("causes")
            .Where(r => r.GetProperty("citations").EnumerateArray().Select(c => c.Text("source")).Distinct().Count() >= minSources)
            .Select(r => r.Text("id"));

        await ListChecks.AssertListsExactlyAsync(_client, $"{Causes}?minSources={minSources}", expected);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("sourceCount")]
    [InlineData("-sourceCount")]
    public Task SortOrdersTheCauses(string sort) => ListChecks.AssertSortedAsync(_client, Causes, sort, "sourceCount");

    [Fact]
    public Task PagesCoverEveryCauseOnceInOrder() => ListChecks.AssertPagingAsync(_client, Causes, "-sourceCount");

    [Fact]
    public Task APageBeyondTheEndIsEmptyButKeepsTheTotal() => ListChecks.AssertPageBeyondTheEndIsEmptyAsync(_client, Causes);

    [Fact]
    public Task WithoutPagingParametersTheFirstTwentyCausesAreListed() => ListChecks.AssertDefaultPageAsync(_client, Causes);

    [Fact]
    public async Task EveryCauseDetailHasItsCitationsContestedPointsAndLinkedRecords()
    {
        foreach (var cause in TestJson.SeedRecords("causes"))
        {
            var id = cause.Text("id");

            var detail = await RecordChecks.AssertDetailMatchesSeedAsync(_client, "causes", cause);

            RecordChecks.AssertRelated(detail.GetProperty("treatments"), RecordChecks.Linked("causeTreatments", "cause", "treatment", id));
            RecordChecks.AssertRelated(detail.GetProperty("preventions"), RecordChecks.Linked("causePreventions", "cause", "prevention", id));
            RecordChecks.AssertRelated(detail.GetProperty("redFlags"), RecordChecks.Linked("causeRedFlags", "cause", "redFlag", id));
        }
    }

    [Theory]
    [InlineData("depleted-carbohydrates")]
    [InlineData("idiopathic-cramps")]
    [InlineData("body-fluid-shifts")]
    public async Task ACauseWithNoTreatmentOrPreventionSaysSoInLinksNote(string id)
    {
        var detail = await _client.GetOkAsync($"{Causes}/{id}");

        Assert.Empty(detail.GetProperty("treatments").EnumerateArray());
        Assert.Empty(detail.GetProperty("preventions").EnumerateArray());
        Assert.Equal(Contracts.CauseDetail.NoTreatmentOrPreventionNote, detail.Text("linksNote"));
    }

    [Fact]
    public async Task EveryCauseCarriesLinksNoteExactlyWhenNothingTreatsOrPreventsIt()
    {
        var linked = TestJson.SeedLinks("causeTreatments", "cause", "treatment").Select(l => l.From)
            .Concat(TestJson.SeedLinks("causePreventions", "cause", "prevention").Select(l => l.From))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var id in TestJson.SeedRecords("causes").Select(c => c.Text("id")))
        {
            var detail = await _client.GetOkAsync($"{Causes}/{id}");

            Assert.True(linked.Contains(id) != detail.TryGetProperty("linksNote", out _), $"{id}: linksNote does not match its links");
        }
    }

    [Theory]
    [InlineData("anemia")]
    [InlineData("hypothyroidism")]
    [InlineData("multiple-sclerosis")]
    [InlineData("dialysis")]
    [InlineData("cirrhosis")]
    public async Task AConditionTheArticlesNameLinksToTheProfessionalWhoLooksForIt(string id)
    {
        var detail = await _client.GetOkAsync($"{Causes}/{id}");

        Assert.Contains("frequent-or-severe-cramps", detail.GetProperty("redFlags").EnumerateArray().Select(r => r.Text("id")));
        Assert.Contains("medical-evaluation", detail.GetProperty("treatments").EnumerateArray().Select(r => r.Text("id")));
        Assert.False(detail.TryGetProperty("linksNote", out _));
    }

    [Fact]
    public async Task EveryLinkedRecordServesItsLinksBasisExactlyWhenTheSeedGivesOne()
    {
        var lists = new[] { ("causeTreatments", "treatment", "treatments"), ("causePreventions", "prevention", "preventions"), ("causeRedFlags", "redFlag", "redFlags") };
        var withBasis = 0;
        foreach (var (list, to, field) in lists)
        {
            var bases = TestJson.ReadSeed("links.json").GetProperty(list).EnumerateArray()
                .ToDictionary(l => (l.Text("cause"), l.Text(to)), l => l.TryGetProperty("basis", out var b) ? b.GetString() : null);
            foreach (var cause in bases.Keys.Select(k => k.Item1).Distinct())
            {
                var detail = await _client.GetOkAsync($"{Causes}/{cause}");

                foreach (var item in detail.GetProperty(field).EnumerateArray())
                {
                    var expected = bases[(cause, item.Text("id"))];
                    Assert.Equal(expected, item.TryGetProperty("basis", out var basis) ? basis.GetString() : null);
                    withBasis += expected is null ? 0 : 1;
                }
            }
        }

        Assert.True(withBasis > 0, "no link with a basis was served");
    }

    [Theory]
    [InlineData("poor-circulation", "treatments", "massage")]
    [InlineData("poor-circulation", "treatments", "sports-massage")]
    [InlineData("tense-or-stiff-muscles", "treatments", "muscle-relaxant")]
    public async Task LinksNoSourceSupportsAreGone(string cause, string segment, string id)
    {
        var related = await _client.GetOkAsync($"{Causes}/{cause}/{segment}");

        Assert.DoesNotContain(id, related.GetProperty("items").EnumerateArray().Select(r => r.Text("id")));
    }

    [Fact]
    public async Task LowPotassiumShowsTheDisputeAboutMineralDeficiencies()
    {
        var detail = await _client.GetOkAsync($"{Causes}/low-potassium");

        var note = Assert.Single(detail.GetProperty("contested").EnumerateArray(), n => n.Text("id") == "mineral-deficiency-prevalence");
        Assert.True(note.GetProperty("sides").GetArrayLength() >= 2);
        Assert.All(note.GetProperty("sides").EnumerateArray(), side => Assert.NotEmpty(side.GetProperty("citations").EnumerateArray()));
    }

    [Theory]
    [InlineData("treatments", "causeTreatments", "treatment")]
    [InlineData("preventions", "causePreventions", "prevention")]
    [InlineData("red-flags", "causeRedFlags", "redFlag")]
    public async Task SubResourcesListExactlyTheLinkedRecordsWithTheirQuotes(string segment, string list, string to)
    {
        foreach (var id in TestJson.SeedRecords("causes").Select(c => c.Text("id")))
        {
            await RecordChecks.AssertSubResourceAsync(_client, $"{Causes}/{id}/{segment}", "cause", id, RecordChecks.Linked(list, "cause", to, id));
        }
    }

    [Theory]
    [InlineData("/api/v1/causes/dehydation")]
    [InlineData("/api/v1/causes/Dehydration")]
    [InlineData("/api/v1/causes/dehydation/treatments")]
    [InlineData("/api/v1/causes/dehydation/preventions")]
    [InlineData("/api/v1/causes/dehydation/red-flags")]
    public async Task AnUnknownCauseIdIsA404ThatSuggestsTheNearestId(string url)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.Contains("'dehydration'", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("category=unknown", "category")]
    [InlineData("category=Circulation", "category")]
    [InlineData("source=unknown", "source")]
    [InlineData("treatment=unknown", "treatment")]
    [InlineData("minSources=101", "minSources")]
    public async Task InvalidCauseFiltersAreA400NamingTheParameter(string query, string parameter)
    {
        var problem = await _client.GetProblemAsync($"{Causes}?{query}", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), problem.ToString());
        Assert.NotEmpty(messages.EnumerateArray());
    }
}
