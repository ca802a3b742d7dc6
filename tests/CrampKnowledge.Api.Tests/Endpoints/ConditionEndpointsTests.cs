using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>The schema.org JSON-LD a clinic pastes into a page: shape, vocabulary and completeness.</summary>
public sealed class ConditionEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // The schema.org types and the properties each may use here; anything else is a typo a validator would flag.
    private static readonly Dictionary<string, HashSet<string>> Vocabulary = new()
    {
        ["MedicalWebPage"] = ["name", "description", "medicalAudience", "aspect", "version", "mainEntity", "citation"],
        ["MedicalCondition"] = ["name", "alternateName", "description", "associatedAnatomy", "cause", "possibleTreatment", "primaryPrevention", "signOrSymptom"],
        ["AnatomicalStructure"] = ["name"],
        ["MedicalCause"] = ["name", "alternateName", "description", "url"],
        ["MedicalTherapy"] = ["name", "alternateName", "description", "url", "contraindication"],
        ["LifestyleModification"] = ["name", "alternateName", "description", "url"],
        ["MedicalSignOrSymptom"] = ["name", "alternateName", "description", "url"],
        ["CreativeWork"] = ["name", "url", "publisher"],
        ["Organization"] = ["name"],
    };

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task MarkupIsSchemaOrgJsonLdWithEveryRecord()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/condition");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));

        using var response = await _client.SendAsync(request);
        var markup = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://schema.org", markup.GetProperty("@context")[0].GetString());
        Assert.Equal("MedicalWebPage", markup.Text("@type"));
        var condition = markup.GetProperty("mainEntity");
        Assert.Equal("MedicalCondition", condition.Text("@type"));
        Assert.Equal(TestJson.SeedRecords("causes").Count, condition.GetProperty("cause").GetArrayLength());
        Assert.Equal(TestJson.SeedRecords("treatments").Count, condition.GetProperty("possibleTreatment").GetArrayLength());
        Assert.Equal(TestJson.SeedRecords("preventions").Count, condition.GetProperty("primaryPrevention").GetArrayLength());
        Assert.Equal(TestJson.SeedRecords("red-flags").Count(r => r.Text("urgency") != "caution"), condition.GetProperty("signOrSymptom").GetArrayLength());
        Assert.Equal(TestJson.ReadSeed("sources.json").GetArrayLength(), markup.GetProperty("citation").GetArrayLength());
        Assert.Equal(RecordChecks.Disclaimer, markup.Text("disclaimer"));
        Assert.Contains(markup.GetProperty("@context").EnumerateArray(), c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("disclaimer", out _));
    }

    [Fact]
    public async Task EveryNodeUsesOnlyKnownSchemaOrgTypesAndProperties()
    {
        var markup = await GetMarkupAsync("/api/v1/condition.jsonld");

        var nodes = Nodes(markup).ToList();

        Assert.True(nodes.Count > 50);
        foreach (var node in nodes)
        {
            var type = node.Text("@type");
            Assert.True(Vocabulary.TryGetValue(type, out var allowed), $"unexpected @type {type}");
            foreach (var property in node.EnumerateObject().Where(p => !p.Name.StartsWith('@') && p.Name != "disclaimer"))
            {
                Assert.True(allowed.Contains(property.Name), $"{type} has unexpected property {property.Name}");
            }

            Assert.False(string.IsNullOrWhiteSpace(node.Text("name")));
        }
    }

    [Fact]
    public async Task EntityIdsAreAbsoluteUrlsThatResolve()
    {
        var markup = await GetMarkupAsync("/api/v1/condition.jsonld");

        var ids = Nodes(markup).Where(n => n.TryGetProperty("@id", out _)).Select(n => new Uri(n.Text("@id"))).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.True(id.IsAbsoluteUri));
        foreach (var id in ids.Where(i => !i.AbsolutePath.EndsWith(".jsonld", StringComparison.Ordinal)).Take(12))
        {
            await _client.GetOkAsync(id.PathAndQuery);
        }
    }

    [Fact]
    public async Task TreatmentCautionsBecomeContraindications()
    {
        var markup = await GetMarkupAsync("/api/v1/condition.jsonld");

        var cautioned = TestJson.SeedLinks("treatmentCautions", "treatment", "redFlag").Select(l => l.From).ToHashSet();
        var therapies = markup.GetProperty("mainEntity").GetProperty("possibleTreatment").EnumerateArray()
            .Where(t => t.TryGetProperty("contraindication", out _))
            .Select(t => t.Text("@id").Split('/')[^1]).ToHashSet();

        Assert.Equal(cautioned, therapies);
    }

    [Theory]
    [InlineData("application/ld+json")]
    [InlineData("application/json")]
    [InlineData("*/*")]
    public async Task AcceptableMediaTypesGetTheMarkup(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/condition");
        request.Headers.Accept.ParseAdd(accept);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HtmlOnlyClientsGet406()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/condition");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _client.SendAsync(request);

        await response.ReadProblemAsync(HttpStatusCode.NotAcceptable);
    }

    private async Task<JsonElement> GetMarkupAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every object in the document that declares a schema.org @type.</summary>
    private static IEnumerable<JsonElement> Nodes(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("@type", out _))
            {
                yield return element;
            }

            foreach (var child in element.EnumerateObject().Where(p => p.Name != "@context").SelectMany(p => Nodes(p.Value)))
            {
                yield return child;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }
}
