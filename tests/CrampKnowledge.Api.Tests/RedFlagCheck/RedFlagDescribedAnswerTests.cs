using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// Answers the check reads from the description itself (times in words, conditions and medicines named),
/// the new <c>ongoingFor</c> answer, and how they show in the reasons, next to the request's own answers.
/// </summary>
public class RedFlagDescribedAnswerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AFrequencyInWordsShowsInTheReasonsWithTheWordsItWasReadFrom()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "Three nights a week my calves cramp" });

        var reason = check.MatchFor("frequent-or-predictable-cramps").Reasons().Single(r => r.GetProperty("trigger").GetInt32() == 1);
        var answer = Assert.Single(reason.GetProperty("answers").EnumerateArray());
        Assert.Equal(("frequency", "often", "Three nights a week"), Given(answer));
        Assert.False(answer.TryGetProperty("name", out _));
        Assert.Equal("How often: “Three nights a week” (often).", reason.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("Most nights a cramp wakes me", "often")]
    [InlineData("Nearly every night my calf cramps", "often")]
    [InlineData("Every night my calf cramps", "daily")]
    [InlineData("Foot cramps every other day", "often")]
    [InlineData("Calf cramps 2 or 3 times a week", "often")]
    [InlineData("A couple of times a week my foot cramps", "often")]
    [InlineData("Cramps twice a day", "daily")]
    [InlineData("Three nights this week a cramp woke me", "often")]
    [InlineData("Most mornings my toes cramp", "often")]
    [InlineData("Calf cramps every couple of nights", "often")]
    [InlineData("I frequently wake with leg cramps", "often")]
    [InlineData("My feet cramp regularly", "often")]
    [InlineData("My cramps are more frequent than before", "often")]
    [InlineData("I get spasms in my calf constantly", "often")]
    [InlineData("Cramps 5x/week", "often")]
    [InlineData("Leg cramps 3 nights/week", "often")]
    [InlineData("Calf cramps 2x / day", "daily")]
    [InlineData("I get cramps 3 nights out of 7", "often")]
    [InlineData("Cramps 4 out of 7 nights", "often")]
    [InlineData("Cramps 2 out of every 7 days", "often")]
    [InlineData("Cramps seven nights out of seven", "daily")]
    [InlineData("Cramps twice weekly", "often")]
    [InlineData("Calf cramps three times weekly", "often")]
    [InlineData("Cramps several times weekly", "often")]
    [InlineData("Leg cramps twice nightly", "daily")]
    [InlineData("I can't remember a night without cramps", "often")]
    [InlineData("I don't remember a night without cramps", "often")]
    [InlineData("Hardly a night goes by without a cramp", "often")]
    [InlineData("Never a day goes by without a leg cramp", "often")]
    [InlineData("Rarely a night without leg spasms", "often")]
    public async Task EverydayFrequencyWordsGiveTheFrequencyCheckAnswersDefines(string description, string frequency)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description, ["predictable"] = true });

        // predictable makes the red flag match whatever the frequency, so its reasons show the frequency read.
        Assert.Equal([frequency], ReadAnswers(check, "frequency"));
    }

    [Theory]
    [InlineData("A cramp once a month")]
    [InlineData("A cramp now and then")]
    [InlineData("Only once, a cramp in my calf")]
    [InlineData("Charley horses about 5 times a month")]
    [InlineData("Cramps once a week")]
    [InlineData("I often hike and got cramps once")]
    [InlineData("I don't get cramps often, just once last month")]
    [InlineData("My cramps are not frequent")]
    [InlineData("Cramps 1x/month")]
    [InlineData("Cramps 1 night out of 7")]
    [InlineData("Cramps once weekly")]
    [InlineData("Cramps twice monthly")]
    [InlineData("I run three times weekly and had one cramp")]
    [InlineData("I had a night without cramps")]
    [InlineData("Hardly a night without my tablets, and one cramp last month")]
    [InlineData("I run 5x/week and had one cramp")]
    public async Task LessThanSeveralTimesAWeekRaisesNoFrequentFlag(string description)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.Equal("none", check.SeeDoctor());
        Assert.Empty(check.MatchIds());
    }

    [Theory]
    [InlineData("I get cramps, but not every night")]
    [InlineData("I walk every day and had one cramp")]
    [InlineData("I run three times a week")]
    [InlineData("No longer every night")]
    [InlineData("I have frequent urination and leg cramps")]
    [InlineData("I run 5x/week")]
    [InlineData("Cramps for 3 weeks")]
    [InlineData("Cramps 3 weeks / 2 months ago")]
    public async Task NegatedTimesTimesOfAnActivityAndAnotherWordsFrequencyGiveNoFrequency(string description)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description, ["predictable"] = true });

        Assert.Empty(ReadAnswers(check, "frequency"));
    }

    [Theory]
    [InlineData("Cramps for 3 months", "months", "for 3 months")]
    [InlineData("Leg cramps since the summer", "weeks", "since the summer")]
    [InlineData("My calves cramp every night since last summer", "weeks", "since last summer")]
    [InlineData("Foot cramps most nights since last Christmas", "weeks", "since last Christmas")]
    [InlineData("Cramps in my legs since the new year", "weeks", "since the new year")]
    [InlineData("Cramping in my calf since last week", "days", "since last week")]
    [InlineData("Calf cramps for the past few weeks", "weeks", "for the past few weeks")]
    [InlineData("Foot cramps for years", "years", "for years")]
    [InlineData("Cramps for 10 days now", "weeks", "for 10 days")]
    [InlineData("Two months of cramps in my calves", "months", "Two months of cramps")]
    [InlineData("Months of night cramps", "months", "Months of night cramps")]
    [InlineData("I have had weeks of cramping in my calves", "weeks", "weeks of cramping")]
    [InlineData("10 days of leg spasms", "weeks", "10 days of leg spasms")]
    [InlineData("Calf cramps for ages", "weeks", "for ages")]
    [InlineData("I have had these foot cramps for a long time", "weeks", "for a long time")]
    [InlineData("Calf cramps lasting weeks", "weeks", "lasting weeks")]
    [InlineData("My foot cramps have lasted over a month", "months", "lasted over a month")]
    [InlineData("Night cramps that lasted for months", "months", "lasted for months")]
    [InlineData("A cramp last night, and the cramps are lasting weeks", "weeks", "lasting weeks")]
    [InlineData("My leg cramps started in August", "weeks", "started in August")]
    [InlineData("The cramps started last summer", "weeks", "started last summer")]
    [InlineData("Night cramps began in March", "weeks", "began in March")]
    [InlineData("These calf cramps started last week", "days", "started last week")]
    [InlineData("I've been getting cramps for a while now", "days", "been getting cramps for a while")]
    [InlineData("I have been having leg cramps for quite some time", "days", "been having leg cramps for quite some time")]
    [InlineData("Night cramps since forever", "weeks", "since forever")]
    public async Task HowLongCrampsHaveGoneOnInWordsMakesThePersistentFlagFireOnTheArticlesWords(string description, string value, string words)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.Equal("soon", check.SeeDoctor());
        var reason = check.MatchFor("persistent-cramps").Reasons().Single(r => r.GetProperty("answers").GetArrayLength() > 0);
        Assert.Equal(("ongoingFor", value, words), Given(Assert.Single(reason.GetProperty("answers").EnumerateArray())));
        Assert.Contains("If the cramps persist", reason.GetProperty("basis").GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The week of my wedding I had one cramp")]
    [InlineData("After two weeks of hiking I had a cramp")]
    [InlineData("I walked for a long time and got one cramp")]
    [InlineData("A day of cramps")]
    [InlineData("I had a cramp last week")]
    [InlineData("Last month I had one cramp")]
    [InlineData("Same as last months cramp")]
    [InlineData("In the last weeks of my pregnancy I had a cramp")]
    [InlineData("My cramps start in the summer and stop in the autumn")]
    [InlineData("I will start in August and had one cramp")]
    [InlineData("I had a cramp for a while last night")]
    [InlineData("I've been running for a while and got a cramp")]
    public async Task ADateOrTheLengthOfAnActivityIsNotHowLongCrampsHaveGoneOn(string description)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.Empty(ReadAnswers(check, "ongoingFor"));
    }

    [Theory]
    [InlineData("I haven't had cramps for ages")]
    [InlineData("I haven't been getting cramps for a while")]
    [InlineData("No cramps for a long time")]
    [InlineData("I haven't had a cramp since last summer")]
    [InlineData("No cramps since last Christmas")]
    [InlineData("Not a single cramp since the new year")]
    [InlineData("My cramps have never lasted weeks")]
    public async Task ADeniedSinceGivesNoOngoingFor(string description)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        // No cramps since a time is not cramps persisting since then.
        Assert.DoesNotContain("persistent-cramps", check.MatchIds());
    }

    [Fact]
    public async Task CrampsOfAFewDaysReadAsPersisting()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "My calf cramped for 3 days", ["ongoingFor"] = "days" });

        // The article gives no length for "persist"; pain of hours already counts, so days are never an all-clear.
        Assert.Equal("soon", check.SeeDoctor());
        Assert.Equal(["persistent-cramps"], check.MatchIds());
    }

    [Theory]
    [InlineData("weeks")]
    [InlineData("months")]
    [InlineData("YEARS")]
    public async Task TheStructuredOngoingForAnswerMakesThePersistentFlagFire(string value)
    {
        var check = await _client.CheckAsync(new JsonObject { ["ongoingFor"] = value });

        Assert.Equal(["persistent-cramps"], check.MatchIds());
        Assert.Equal("soon", check.SeeDoctor());
    }

    [Fact]
    public async Task AnUnknownOngoingForIsA400NamingIt()
    {
        var problem = await _client.CheckRejectedAsync("""{"ongoingFor":"decades"}""", "ongoingFor");

        Assert.Contains("days, weeks, months, years", problem.GetProperty("errors").GetProperty("ongoingFor")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADurationInWordsCountsLikeTheDurationAnswer()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "The cramp in my calf lasted 3 hours" });

        var reason = check.MatchFor("persistent-cramps").Reasons().Single(r => r.GetProperty("trigger").GetInt32() == 1);
        Assert.Equal(("duration", "hours", "lasted 3 hours"), Given(Assert.Single(reason.GetProperty("answers").EnumerateArray())));
    }

    [Theory]
    [InlineData("The cramp lasted half an hour")]
    [InlineData("My calf cramped for a half hour")]
    [InlineData("The cramp lasted 30 minutes")]
    public async Task HalfAnHourIsMinutesAsThirtyMinutesAre(string description)
    {
        // Read as "lasted ... hour", half an hour was hours, a cramp that persists; 30 minutes never was.
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.Equal("none", check.SeeDoctor());
        Assert.Empty(check.MatchIds());
    }

    [Theory]
    [InlineData("My calf has been cramping on and off all day", "cramping on and off all day")]
    [InlineData("I had a cramp all night", "cramp all night")]
    [InlineData("My foot cramped all day", "cramped all day")]
    public async Task CrampingAllDayOrAllNightLastsHours(string description, string words)
    {
        // They answered none: only "lasted all day" read as hours.
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        var reason = check.MatchFor("persistent-cramps").Reasons().Single(r => r.GetProperty("trigger").GetInt32() == 1);
        Assert.Equal(("duration", "hours", words), Given(Assert.Single(reason.GetProperty("answers").EnumerateArray())));
    }

    [Theory]
    [InlineData("I walked all day and got a cramp")]
    [InlineData("No cramp all day")]
    [InlineData("I haven't had a cramp all day")]
    public async Task AnActivityAllDayOrNoCrampAllDayIsNotHours(string description)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.DoesNotContain("persistent-cramps", check.MatchIds());
    }

    [Fact]
    public async Task AnHourAndAHalfIsHours()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "The cramp lasted an hour and a half" });

        var reason = check.MatchFor("persistent-cramps").Reasons().Single(r => r.GetProperty("trigger").GetInt32() == 1);
        Assert.Equal(("duration", "hours", "lasted an hour"), Given(Assert.Single(reason.GetProperty("answers").EnumerateArray())));
    }

    [Fact]
    public async Task TheDescriptionAndTheStructuredAnswerBothCount()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "My calves cramp every night", ["frequency"] = "occasionally" });

        var reason = check.MatchFor("frequent-or-severe-cramps").Reasons().Single(r => r.GetProperty("trigger").GetInt32() == 1);
        Assert.Equal(("frequency", "daily", "every night"), Given(Assert.Single(reason.GetProperty("answers").EnumerateArray())));
    }

    [Fact]
    public async Task TheSameValueGivenAndDescribedIsShownOnceAsGiven()
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = "My calves cramp every night", ["frequency"] = "daily" });

        var reason = check.MatchFor("frequent-or-severe-cramps").Reasons().Single(r => r.GetProperty("trigger").GetInt32() == 1);
        var answer = Assert.Single(reason.GetProperty("answers").EnumerateArray());
        Assert.Equal("daily", answer.GetProperty("value").GetString());
        Assert.False(answer.TryGetProperty("word", out _));
    }

    [Fact]
    public async Task ConditionsAndMedicinesNamedInTheDescriptionAreRecognizedAndTested()
    {
        var check = await _client.CheckAsync(new JsonObject
        {
            ["description"] = "I'm on dialysis and take water pills, and my legs cramp several times a week",
            ["conditions"] = new JsonArray("diabetes"),
        });

        Assert.Equal(
            [("conditions", "diabetes", "diabetes"), ("conditions", "dialysis", "dialysis"), ("medications", "water pills", "diuretics")],
            check.GetProperty("recognized").EnumerateArray()
                .Select(r => (r.GetProperty("answer").GetString(), r.GetProperty("word").GetString(), r.GetProperty("id").GetString())));
        var reason = check.MatchFor("frequent-or-severe-cramps").Reasons().Single(r => r.TryGetProperty("basis", out _)
            && r.GetProperty("answers").EnumerateArray().Any(a => a.GetProperty("answer").GetString() == "conditions"));
        Assert.Contains(("conditions", "dialysis", "dialysis"), reason.GetProperty("answers").EnumerateArray().Select(Given));
        Assert.Contains(check.MatchFor("stretching-insufficient-for-underlying-causes").Reasons(),
            r => r.GetProperty("answers").EnumerateArray().Select(Given).Contains(("medications", "diuretics", "water pills")));
    }

    [Theory]
    [InlineData("I don't have diabetes")]
    [InlineData("I'm not on water pills or steroids")]
    [InlineData("No kidney disease, no liver problems")]
    public async Task NegatedConditionsAndMedicinesAreNotRecognized(string description)
    {
        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        Assert.Empty(check.GetProperty("recognized").EnumerateArray());
        Assert.Empty(check.MatchIds());
    }

    [Fact]
    public async Task TheRulesListTheOngoingForAnswerAndThePersistentTriggerThatTestsIt()
    {
        using var response = await _client.GetAsync("/api/v1/red-flags/rules");
        var rules = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        var answer = rules.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "ongoingFor");
        Assert.Equal(["days", "weeks", "months", "years"], answer.GetProperty("values").StringList());
        Assert.Equal("choice", answer.GetProperty("kind").GetString());
        var persistent = rules.GetProperty("redFlags").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "persistent-cramps");
        Assert.Contains(persistent.GetProperty("triggers").EnumerateArray(), t => t.GetProperty("answers").EnumerateArray()
            .Any(a => a.GetProperty("answer").GetString() == "ongoingFor" && a.GetProperty("values").StringList().SequenceEqual(["days", "weeks", "months", "years"])));
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesOngoingForAndNegation()
    {
        using var response = await _client.GetAsync("/swagger/v1/swagger.json");
        var document = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

        var property = document.GetProperty("components").GetProperty("schemas").GetProperty("RedFlagCheckRequest").GetProperty("properties").GetProperty("ongoingFor");
        Assert.Equal(["days", "weeks", "months", "years"], property.GetProperty("enum").StringList());
        Assert.Contains("not how long one lasts", property.GetProperty("description").GetString(), StringComparison.Ordinal);
        var description = document.GetProperty("paths").GetProperty(RedFlagCheckHttp.CheckUrl).GetProperty("post").GetProperty("description").GetString()!;
        Assert.Contains("NegEx", description, StringComparison.Ordinal);
        Assert.Contains("`ongoingFor`", description, StringComparison.Ordinal);
        Assert.DoesNotContain("Negation is not understood", description, StringComparison.Ordinal);
    }

    private static (string?, string?, string?) Given(JsonElement answer) =>
        (answer.GetProperty("answer").GetString(), answer.GetProperty("value").GetString(),
            answer.TryGetProperty("word", out var word) ? word.GetString() : null);

    /// <summary>The values of an answer read from the description (those with a word), across every reason.</summary>
    private static List<string> ReadAnswers(JsonElement check, string answer) =>
        [.. check.Matches().SelectMany(m => m.Reasons()).SelectMany(r => r.GetProperty("answers").EnumerateArray())
            .Where(a => a.GetProperty("answer").GetString() == answer && a.TryGetProperty("word", out _))
            .Select(a => a.GetProperty("value").GetString()!).Distinct()];
}
