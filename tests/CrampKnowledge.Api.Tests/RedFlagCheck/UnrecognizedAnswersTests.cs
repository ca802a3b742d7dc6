using CrampKnowledge.Api.Data.RedFlagChecks;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// A condition, medicine or treatment the check was given but cannot read (a typo, or something no article mentions) was weighed by no
/// rule. The check must not answer none over it, as a bot would relay that as "no need to see a doctor": it answers unknown with a note
/// that says so, and a see-a-doctor level from a matched rule still wins.
/// </summary>
public class UnrecognizedAnswersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // Fully understood and flagged by nothing: none on its own (the README's example of a none).
    private const string HarmlessDescription = "one cramp in the arch of my foot while dancing, gone in a minute";

    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("conditions", "diabetis")]
    [InlineData("medications", "ibuprofen")]
    [InlineData("treatments", "acupuncture")]
    public async Task AnAnswerNamingNoRecordMakesTheCheckUnknownNotNone(string answer, string word)
    {
        var check = await _client.CheckAsync(new JsonObject { [answer] = new JsonArray(word) });

        Assert.Equal(SeeDoctorLevels.Unknown, check.SeeDoctor());
        Assert.Equal(SeeDoctorLevels.UnrecognizedNote, check.GetProperty("note").GetString());
        var unrecognized = Assert.Single(check.GetProperty("unrecognized").EnumerateArray());
        Assert.Equal(word, unrecognized.GetProperty("word").GetString());
        Assert.Equal(answer, unrecognized.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task AMisspeltConditionBesideAHarmlessDescriptionIsUnknownWithTheSpellingSuggested()
    {
        var alone = await _client.CheckAsync(new JsonObject { ["description"] = HarmlessDescription });
        var misspelt = await _client.CheckAsync(new JsonObject { ["description"] = HarmlessDescription, ["conditions"] = new JsonArray("diabetis") });
        var spelt = await _client.CheckAsync(new JsonObject { ["description"] = HarmlessDescription, ["conditions"] = new JsonArray("diabetes") });

        Assert.Equal(SeeDoctorLevels.None, alone.SeeDoctor());
        Assert.Equal(SeeDoctorLevels.NothingMatchedNote, alone.GetProperty("note").GetString());

        Assert.Equal(SeeDoctorLevels.Unknown, misspelt.SeeDoctor());
        Assert.Equal(SeeDoctorLevels.UnrecognizedNote, misspelt.GetProperty("note").GetString());
        Assert.Contains("diabetes", misspelt.GetProperty("unrecognized")[0].GetProperty("suggestions").StringList());
        Assert.Empty(misspelt.GetProperty("unassessed").EnumerateArray());

        // Asked again with the suggestion, the condition is read, so whatever the rules say about it stands (never unknown because of it).
        Assert.Empty(spelt.GetProperty("unrecognized").EnumerateArray());
        Assert.Contains(spelt.GetProperty("recognized").EnumerateArray(), r => r.GetProperty("word").GetString() == "diabetes");
        Assert.NotEqual(SeeDoctorLevels.Unknown, spelt.SeeDoctor());
    }

    [Fact]
    public async Task ARuleThatSaysToSeeADoctorStillWinsAndTheNoteNamesTheUnrecognizedAnswer()
    {
        var check = await _client.CheckAsync(new JsonObject
        {
            ["description"] = "I get leg cramps most nights and have had them for months",
            ["medications"] = new JsonArray("ibuprofen"),
        });

        Assert.Equal(SeeDoctorLevels.Soon, check.SeeDoctor());
        Assert.Contains("frequent-or-severe-cramps", check.MatchIds());
        Assert.Equal(SeeDoctorLevels.UnrecognizedNote, check.GetProperty("note").GetString());
    }

    [Fact]
    public async Task UnassessedWordsKeepTheirOwnNoteWhenSomethingIsAlsoUnrecognized()
    {
        var check = await _client.CheckAsync(new JsonObject
        {
            ["description"] = "my calf is swollen after a cramp",
            ["conditions"] = new JsonArray("diabetis"),
        });

        Assert.Equal(SeeDoctorLevels.Unknown, check.SeeDoctor());
        Assert.Contains("swollen", check.GetProperty("unassessed").StringList());
        Assert.Equal(SeeDoctorLevels.UnassessedNote, check.GetProperty("note").GetString());
        Assert.Single(check.GetProperty("unrecognized").EnumerateArray());
    }

    [Fact]
    public async Task TheRulesListTheUnrecognizedNote()
    {
        using var rules = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/red-flags/rules"));

        Assert.Equal(SeeDoctorLevels.UnrecognizedNote, rules.RootElement.GetProperty("unrecognizedNote").GetString());
        var unknown = rules.RootElement.GetProperty("seeDoctorLevels").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "unknown");
        Assert.Contains("unrecognized", unknown.GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
