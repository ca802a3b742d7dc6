using System.Text.Json;
using System.Text.Json.Nodes;
using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

public class RedFlagCheckEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string[] CirculationRedFlags = ["frequent-or-predictable-cramps", "leg-pain-while-walking"];
    private static readonly string[] SeeADoctor = ["soon", "promptly"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task FrequentCrampsWithLegPainOnWalkingDescribedInWordsMeanSeeingADoctor()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "I get cramps several times a week and my legs hurt when I walk" });

        Assert.Contains(check.SeeDoctor(), SeeADoctor);
        Assert.All(CirculationRedFlags, id => Assert.Contains(id, check.MatchIds()));
        Assert.Contains("cramps several times a week", check.MatchFor("frequent-or-predictable-cramps").Reasons().SelectMany(r => r.GetProperty("phrases").StringList()));
        Assert.Contains("hurt when I walk", check.MatchFor("leg-pain-while-walking").Reasons().SelectMany(r => r.GetProperty("phrases").StringList()));
        Assert.Equal(Disclaimer.Text, check.GetProperty("disclaimer").GetString());
    }

    [Fact]
    public async Task FrequentCrampsWithLegPainOnWalkingAnsweredMeanSeeingADoctor()
    {
        var check = await _client.CheckAsync(new JsonObject { ["frequency"] = "often", ["painWhenWalking"] = true });

        Assert.Contains(check.SeeDoctor(), SeeADoctor);
        Assert.All(CirculationRedFlags, id => Assert.Contains(id, check.MatchIds()));
        var walking = Assert.Single(check.MatchFor("leg-pain-while-walking").Reasons());
        var answer = Assert.Single(walking.GetProperty("answers").EnumerateArray());
        Assert.Equal("painWhenWalking", answer.GetProperty("answer").GetString());
        Assert.Equal("true", answer.GetProperty("value").GetString());
        Assert.Equal("Pain when walking: yes.", walking.GetProperty("text").GetString());
    }

    [Fact]
    public async Task AnOccasionalMildCrampAfterARunThatStretchingEasedNeedsNoDoctor()
    {
        var check = await _client.CheckAsync(new JsonObject
        {
            ["description"] = "I had one mild cramp in my calf after a long run. It went away after I stretched it for a minute.",
            ["frequency"] = "once",
            ["severity"] = "mild",
            ["duration"] = "seconds",
            ["treatments"] = new JsonArray("stretching"),
        });

        Assert.Equal("none", check.SeeDoctor());
        Assert.Empty(check.Matches());
        Assert.Empty(check.GetProperty("unrecognized").EnumerateArray());
        Assert.Equal(RedFlagCheckHttp.SeedRedFlags().Count, check.GetProperty("checkedRedFlags").GetInt32());
    }

    [Theory]
    [InlineData("I get infrequent cramps", "")]
    [InlineData("I persevered through a mild cramp", "persevered")]
    [InlineData("In Spain, walking by the sea in the evening", "Spain")]
    [InlineData("My leg cramped once; I rested and it was fine", "")]
    public async Task WordsThatOnlyLookLikeARulePhraseDoNotMatch(string description, string unassessed)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.Empty(check.MatchIds());
        // Words outside the check's vocabulary make the answer unknown rather than none, but never a match.
        Assert.Equal(unassessed.Length == 0 ? "none" : "unknown", check.SeeDoctor());
        Assert.Equal(unassessed.Length == 0 ? [] : [unassessed], check.GetProperty("unassessed").StringList());
    }

    [Theory]
    [InlineData("My calves were hurting when I walked to the shop", "leg-pain-while-walking", "hurting when I walked")]
    [InlineData("The cramping pain gets worse whenever I am resting", "severe-pain-worse-at-rest-or-elevated", "worse whenever I am resting")]
    [InlineData("Cramps keep WAKING ME up", "spasms-disturbing-sleep", "WAKING ME")]
    [InlineData("The soreness lingered and I think I tore a muscle", "lingering-soreness-or-muscle-tear", "tore a muscle")]
    public async Task PhrasesMatchAnyCaseEndingAndGap(string description, string redFlag, string found)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        var phrases = check.MatchFor(redFlag).Reasons().SelectMany(r => r.GetProperty("phrases").StringList());
        Assert.Contains(found, phrases);
    }

    [Fact]
    public async Task EverydayWordsForConditionsAndMedicationsAreResolved()
    {
        var check = await _client.CheckAsync(new JsonObject
        {
            ["frequency"] = "often",
            ["conditions"] = new JsonArray("kidney disease"),
            ["medications"] = new JsonArray("water pills"),
        });

        var recognized = check.GetProperty("recognized").EnumerateArray()
            .Select(r => (r.GetProperty("answer").GetString(), r.GetProperty("word").GetString(), r.GetProperty("id").GetString()))
            .ToList();
        Assert.Equal([("conditions", "kidney disease", "kidney-failure"), ("medications", "water pills", "diuretics")], recognized);
        Assert.Empty(check.GetProperty("unrecognized").EnumerateArray());
        Assert.Contains(check.MatchFor("frequent-or-severe-cramps").Reasons(), r => r.GetProperty("answers").EnumerateArray()
            .Any(a => a.GetProperty("value").GetString() == "kidney-failure" && a.GetProperty("word").GetString() == "kidney disease"));
        Assert.Contains(check.MatchFor("stretching-insufficient-for-underlying-causes").Reasons(), r => r.GetProperty("answers").EnumerateArray()
            .Any(a => a.GetProperty("value").GetString() == "diuretics"));
    }

    [Fact]
    public async Task UnknownWordsComeBackUnrecognizedWithSuggestions()
    {
        var check = await _client.CheckAsync(new JsonObject { ["conditions"] = new JsonArray("diabetis", "gout") });

        var unrecognized = check.GetProperty("unrecognized").EnumerateArray().ToList();
        Assert.Equal(["diabetis", "gout"], unrecognized.Select(u => u.GetProperty("word").GetString()));
        Assert.All(unrecognized, u => Assert.Equal("conditions", u.GetProperty("answer").GetString()));
        Assert.Contains("diabetes", unrecognized[0].GetProperty("suggestions").StringList());
        Assert.Empty(check.GetProperty("recognized").EnumerateArray());
    }

    [Fact]
    public async Task MassageInTheFirst48HoursAfterAnInjuryMatchesTheMassageCaution()
    {
        var check = await _client.CheckAsync(new JsonObject { ["recentInjury"] = true, ["treatments"] = new JsonArray("massage") });

        var caution = check.MatchFor("massage-during-acute-injury");
        Assert.Equal("caution", caution.GetProperty("urgency").GetString());
        Assert.Equal("none", caution.SeeDoctor());
        Assert.Contains(caution.Reasons(), r => r.GetProperty("answers").EnumerateArray().Any(a => a.GetProperty("value").GetString() == "massage"));
        Assert.Contains(caution.GetProperty("citations").EnumerateArray(), c => c.GetProperty("quote").GetString()!.Contains("48 hours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FrequentCrampsWithSuddenPainMeanSeeingADoctorPromptlyOnTheArticlesWords()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "Frequent cramps, and a sudden pain in my calf" });

        Assert.Equal("promptly", check.SeeDoctor());
        var reason = check.MatchFor("frequent-or-severe-cramps").Reasons()[0];
        Assert.Equal("promptly", reason.SeeDoctor());
        Assert.Contains("essential to consult a healthcare professional", reason.GetProperty("basis").GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRedFlagThatMatchesIsReturnedMostPressingFirst()
    {
        var check = await _client.CheckAsync(new JsonObject
        {
            ["description"] = "Stretching doesn't help",
            ["frequency"] = "daily", ["severity"] = "severe", ["duration"] = "hours",
            ["predictable"] = true, ["worseAtRest"] = true, ["worseWithLegRaised"] = true, ["painWhenWalking"] = true,
            ["sorenessNextDay"] = true, ["disturbsSleep"] = true, ["recentInjury"] = true, ["suddenPain"] = true,
            ["medications"] = new JsonArray("cyclobenzaprine"), ["treatments"] = new JsonArray("massage"),
        });

        Assert.Equal("promptly", check.SeeDoctor());
        Assert.Equal(RedFlagCheckHttp.SeedRedFlags().Select(r => r.GetProperty("id").GetString()).Order(), check.MatchIds().Order());
        var urgencyRanks = RedFlagCheckHttp.Seed("vocabulary.json").GetProperty("urgencies").EnumerateArray()
            .ToDictionary(u => u.GetProperty("id").GetString()!, u => u.GetProperty("rank").GetInt32());
        var order = check.Matches()
            .Select(m => (SeeDoctor: RedFlagCheckHttp.Rank(m.SeeDoctor()), Urgency: urgencyRanks[m.GetProperty("urgency").GetString()!], Name: m.GetProperty("name").GetString()!))
            .ToList();
        Assert.Equal(order.OrderByDescending(o => o.SeeDoctor).ThenByDescending(o => o.Urgency).ThenBy(o => o.Name, StringComparer.Ordinal), order);
    }

    [Fact]
    public async Task ADescriptionOf2000CharactersIsAccepted()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = new string('a', 1995) + " pain" });

        Assert.Equal("unknown", check.SeeDoctor());
        Assert.Equal([new string('a', 1995)], check.GetProperty("unassessed").StringList());
    }

    [Theory]
    [InlineData("LONG", "description")]
    [InlineData("""{"frequency":"sometimes"}""", "frequency")]
    [InlineData("""{"description":"cramps","severity":"extreme"}""", "severity")]
    [InlineData("""{"duration":"days"}""", "duration")]
    [InlineData("{}", "description")]
    [InlineData("""{"description":"   "}""", "description")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("""{"description": "cramps" """, "body")]
    [InlineData("[]", "body")]
    [InlineData("""{"painWhenWalking":"yes"}""", "painWhenWalking")]
    [InlineData("""{"frequncy":"often"}""", "frequncy")]
    [InlineData("""{"conditions":["diabetes",""]}""", "conditions[1]")]
    public async Task AnInvalidRequestIsA400ProblemNamingTheField(string body, string errorKey)
    {
        var json = body == "LONG" ? JsonSerializer.Serialize(new { description = new string('a', 2001) }) : body;

        await _client.CheckRejectedAsync(json, errorKey);
    }

    [Fact]
    public async Task TheRulesAreListedForEveryRedFlag()
    {
        using var response = await _client.GetAsync("/api/v1/red-flags/rules");
        var rules = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var listed = rules.GetProperty("redFlags").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("triggers").GetArrayLength());
        Assert.Equal(RedFlagCheckHttp.SeedRedFlags().Select(r => r.GetProperty("id").GetString()!).Order(), listed.Keys.Order());
        Assert.All(listed, l => Assert.True(l.Value > 0, $"{l.Key} has no triggers"));
        Assert.Contains("painWhenWalking", rules.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task TheSwaggerExampleBodyIsAWorkingDoneWhenCase()
    {
        using var response = await _client.GetAsync("/swagger/v1/swagger.json");
        var document = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        var operation = document.GetProperty("paths").GetProperty(RedFlagCheckHttp.CheckUrl).GetProperty("post");
        var example = document.GetProperty("components").GetProperty("schemas").GetProperty("RedFlagCheckRequest").GetProperty("example");

        var check = await _client.CheckAsync(JsonNode.Parse(example.GetRawText())!);

        Assert.Contains("red-flag-rules.json", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
        Assert.NotEqual("none", check.SeeDoctor());
        Assert.All(CirculationRedFlags, id => Assert.Contains(id, check.MatchIds()));
    }
}
