using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// Every red flag in red-flags.json, through every trigger its rules give: a request built from the
/// trigger must bring the red flag back, through that trigger. A red flag without a working rule fails.
/// </summary>
public class RedFlagRuleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string GapFiller = "really";

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> RedFlags() => [.. RedFlagCheckHttp.SeedRedFlags().Select(r => r.GetProperty("id").GetString()!)];

    [Theory]
    [MemberData(nameof(RedFlags))]
    public async Task EveryTriggerOfTheRedFlagMatchesIt(string redFlag)
    {
        var urgency = RedFlagCheckHttp.SeedRedFlags().Single(r => r.GetProperty("id").GetString() == redFlag).GetProperty("urgency").GetString()!;
        var rules = RedFlagCheckHttp.Seed("red-flag-rules.json").EnumerateArray()
            .Where(r => r.GetProperty("redFlag").GetString() == redFlag)
            .SelectMany(r => r.GetProperty("triggers").EnumerateArray())
            .ToList();

        Assert.True(rules.Count > 0, $"{redFlag} has no triggers in red-flag-rules.json");
        foreach (var (trigger, number) in rules.Select((t, i) => (t, i + 1)))
        {
            var expected = trigger.TryGetProperty("seeDoctor", out var own) ? own.GetString()! : RedFlagCheckHttp.UrgencySeeDoctor(urgency);
            foreach (var request in RequestsFor(trigger))
            {
                var check = await _client.CheckAsync(request);

                var match = check.MatchFor(redFlag);
                var reason = match.Reasons().SingleOrDefault(r => r.GetProperty("trigger").GetInt32() == number);
                Assert.True(reason.ValueKind == JsonValueKind.Object, $"{redFlag} matched {request.ToJsonString()}, but not by trigger {number}");
                Assert.Equal(expected, reason.SeeDoctor());
                Assert.True(RedFlagCheckHttp.Rank(match.SeeDoctor()) >= RedFlagCheckHttp.Rank(expected));
                Assert.True(RedFlagCheckHttp.Rank(check.SeeDoctor()) >= RedFlagCheckHttp.Rank(match.SeeDoctor()));
                Assert.NotEmpty(match.GetProperty("citations").EnumerateArray());
            }
        }
    }

    /// <summary>
    /// One request per phrase (paired with the first also-phrase, and the reverse), each carrying the
    /// trigger's answers with their first values, plus one request per other value of each answer.
    /// </summary>
    private static IEnumerable<JsonObject> RequestsFor(JsonElement trigger)
    {
        var phrases = Phrases(trigger, "phrases");
        var alsoPhrases = Phrases(trigger, "alsoPhrases");
        var descriptions = phrases.Select(p => Describe(p, alsoPhrases.FirstOrDefault()))
            .Concat(alsoPhrases.Skip(1).Select(a => Describe(phrases[0], a)))
            .DefaultIfEmpty(null)
            .ToList();
        var answers = trigger.TryGetProperty("answers", out var a) ? a.EnumerateObject().ToList() : [];

        foreach (var description in descriptions)
        {
            yield return Request(description, answers, variant: null);
        }

        foreach (var answer in answers.Where(x => x.Value.ValueKind == JsonValueKind.Array))
        {
            foreach (var other in answer.Value.EnumerateArray().Skip(1))
            {
                yield return Request(descriptions[0], answers, (answer.Name, other.GetString()!));
            }
        }
    }

    private static JsonObject Request(string? description, List<JsonProperty> answers, (string Name, string Value)? variant)
    {
        var body = new JsonObject();
        if (description is not null)
        {
            body["description"] = description;
        }

        foreach (var answer in answers)
        {
            var value = variant is { } v && v.Name == answer.Name ? v.Value : answer.Value.ValueKind == JsonValueKind.Array ? answer.Value[0].GetString() : null;
            body[answer.Name] = (answer.Value.ValueKind, answer.Name) switch
            {
                (JsonValueKind.True, _) => true,
                (_, "conditions" or "medications" or "treatments") => new JsonArray(value),
                _ => value,
            };
        }

        return body;
    }

    private static List<string> Phrases(JsonElement trigger, string field) =>
        trigger.TryGetProperty(field, out var list) ? list.StringList() : [];

    private static string Describe(string phrase, string? alsoPhrase) =>
        string.Join(" and ", new[] { phrase, alsoPhrase }.OfType<string>().Select(p => p.Replace("...", GapFiller, StringComparison.Ordinal)));
}
