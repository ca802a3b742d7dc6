using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Hosting;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>The unknown level as clients read about it: the rules endpoint, the OpenAPI document and answers without a description.</summary>
public class UnassessedWordsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TheRulesEndpointListsFourLevelsTheNoteAndTheVocabulary()
    {
        var rules = await GetJsonAsync("/api/v1/red-flags/rules");
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "numbness and weakness in my leg" });

        var levels = rules.GetProperty("seeDoctorLevels").EnumerateArray().ToList();
        Assert.Equal(["none", "unknown", "soon", "promptly"], levels.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal([0, 1, 2, 3], levels.Select(l => l.GetProperty("rank").GetInt32()));
        Assert.Contains("every word", levels[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("not an all-clear", levels[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("unassessed", levels[1].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(check.GetProperty("note").GetString(), rules.GetProperty("unassessedNote").GetString());
        Assert.Equal(SeeDoctorLevels.NothingMatchedNote, rules.GetProperty("nothingMatchedNote").GetString());
        var vocabulary = rules.GetProperty("vocabulary");
        Assert.InRange(vocabulary.GetProperty("ordinaryWords").GetInt32(), 500, 2500);
        Assert.True(vocabulary.GetProperty("knownPhrases").GetInt32() > 100);
        Assert.Contains("hot day", vocabulary.GetProperty("ordinaryPhrases").StringList());
        Assert.Contains("hot", vocabulary.GetProperty("unassessedOnTheirOwn").StringList());
        Assert.Contains("can't feel", vocabulary.GetProperty("unassessedPhrases").StringList());
        Assert.Contains("check-vocabulary.json", vocabulary.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNoteSaysWhatTheIssueAsks()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "my leg is swollen, red and hot and cramps" });

        var note = check.GetProperty("note").GetString()!;
        Assert.Contains("only the warning signs", note, StringComparison.Ordinal);
        Assert.Contains("not an all-clear", note, StringComparison.Ordinal);
        Assert.Contains("worried", note, StringComparison.Ordinal);
        Assert.Contains("clinician", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersWithoutADescriptionLeaveNothingUnassessedAndANoneSaysItIsNoAllClear()
    {
        var check = await _client.CheckAsync(new JsonObject { ["frequency"] = "once", ["severity"] = "mild" });

        Assert.Equal("none", check.SeeDoctor());
        Assert.Empty(check.GetProperty("unassessed").EnumerateArray());
        Assert.Equal(SeeDoctorLevels.NothingMatchedNote, check.GetProperty("note").GetString());
    }

    // The ways a worried person says little: rare, short cramps, in everyday time words, and denials. None of them matches a
    // warning sign the articles name, and the answer must still say that this is not an all-clear, in the answer itself.
    [Theory]
    [InlineData("I get a cramp once a month and it lasts a few seconds")]
    [InlineData("I don't get cramps often, just one in my calf now and then")]
    [InlineData("I do not have pain when walking, only a cramp in my calf at night now and then")]
    [InlineData("my foot cramps sometimes when I point my toes")]
    public async Task ANoneCarriesTheNoteThatItIsNotAnAllClear(string description)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.True(check.SeeDoctor() == "none", $"{description}: {check}");
        var note = check.GetProperty("note").GetString()!;
        Assert.Contains("not an all-clear", note, StringComparison.Ordinal);
        Assert.Contains("worried", note, StringComparison.Ordinal);
        Assert.DoesNotContain("no need", note, StringComparison.OrdinalIgnoreCase);
    }

    // A none can carry a caution: a chatbot that relays the note beside the match must not read "nothing matched".
    [Fact]
    public async Task ANoneWithACautionHasANoteThatPointsAtTheCaution()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "cramps since I started a statin" });

        Assert.True(check.SeeDoctor() == "none", check.ToString());
        var urgencies = check.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("urgency").GetString()).ToList();
        Assert.Contains("caution", urgencies);
        var note = check.GetProperty("note").GetString()!;
        Assert.Contains("caution in matches still applies", note, StringComparison.Ordinal);
        Assert.DoesNotContain("None of the", note, StringComparison.Ordinal);
        Assert.Contains("not an all-clear", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASeeADoctorAnswerWithEveryWordUnderstoodHasNoNote()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "my legs hurt when I walk", ["frequency"] = "often" });

        Assert.True(SeeDoctorLevels.Rank(check.SeeDoctor()) >= SeeDoctorLevels.Rank(SeeDoctorLevels.Soon), check.ToString());
        Assert.Empty(check.GetProperty("unassessed").EnumerateArray());
        Assert.False(check.TryGetProperty("note", out _), check.ToString());
    }

    // Everyday time words and a chatbot's framing are understood: they listed "constantly", "forever", "user", "patient
    // reports nocturnal", "approx" and "duration" as words the check cannot assess, so a relayed message answered unknown.
    [Theory]
    [InlineData("I get leg cramps at night, like, constantly", "soon")]
    [InlineData("Night cramps since forever", "soon")]
    [InlineData("Patient reports nocturnal calf cramps, approx. 4/week, duration 1-2 min", "soon")]
    [InlineData("User says: leg cramps at night, 2-3 times per month. Age 45.", "none")]
    public async Task EverydayTimeWordsAndAChatbotsFramingLeaveNothingUnassessed(string description, string seeDoctor)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.Equal(seeDoctor, check.SeeDoctor());
        Assert.Empty(check.GetProperty("unassessed").EnumerateArray());
    }

    // The articles give no pain scale: a score is named as unassessed, never read as ordinary words ("the pain was a 9 out
    // of 10" answered none). A share of nights is how often, not a score.
    [Theory]
    [InlineData("the pain was a 9 out of 10", "unknown", "9 out of 10")]
    [InlineData("pain 8/10", "unknown", "8/10")]
    [InlineData("Seven out of ten pain in my calf", "unknown", "Seven out of ten")]
    [InlineData("I'd give the pain a 2 of 10.", "unknown", "2 of 10")]
    [InlineData("the cramp was 10/10, and my calf is still sore the next day", "soon", "10/10")]
    [InlineData("cramps 3 out of 10 nights", "soon", null)]
    [InlineData("I had 10 cramps, one out of ten times I walk", "none", null)]
    public async Task APainScoreIsNamedAsUnassessed(string description, string seeDoctor, string? score)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.Equal(seeDoctor, check.SeeDoctor());
        Assert.Equal(score is null ? [] : [score], check.GetProperty("unassessed").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheNewFieldsAndItsUnknownExampleIsARealAnswer()
    {
        var document = await GetJsonAsync("/swagger/v1/swagger.json");
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("RedFlagCheckResponse");
        var properties = schema.GetProperty("properties");

        var check = await _client.CheckAsync(new JsonObject { ["description"] = RedFlagCheckExamples.UnknownDescription });

        Assert.Equal(SeeDoctorLevels.All, properties.GetProperty("seeDoctor").GetProperty("enum").StringList());
        Assert.Contains("unknown", properties.GetProperty("seeDoctor").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Always present", properties.GetProperty("unassessed").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("whenever seeDoctor is none", properties.GetProperty("note").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(schema.GetProperty("example").GetRawText()), JsonNode.Parse(check.GetRawText())),
            $"example {schema.GetProperty("example")} but the check answers {check}");
        var operation = document.GetProperty("paths").GetProperty(RedFlagCheckHttp.CheckUrl).GetProperty("post").GetProperty("description").GetString();
        Assert.Contains("check-vocabulary.json", operation, StringComparison.Ordinal);
        Assert.Contains("`unknown`", operation, StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }
}
