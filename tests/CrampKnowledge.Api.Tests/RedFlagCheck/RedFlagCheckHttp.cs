using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>Posting to the red-flag check and reading the seed files its expectations come from.</summary>
internal static class RedFlagCheckHttp
{
    public const string CheckUrl = "/api/v1/red-flags/check";

    public static readonly IReadOnlyList<string> SeeDoctorOrder = ["none", "unknown", "soon", "promptly"];

    public static string SeedDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "seed-data");

    public static JsonElement Seed(string file) =>
        JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(SeedDirectory, file)));

    public static List<JsonElement> SeedRedFlags() => [.. Seed("red-flags.json").EnumerateArray()];

    /// <summary>The seeDoctor a red flag's urgency implies, from vocabulary.json.</summary>
    public static string UrgencySeeDoctor(string urgency) =>
        Seed("vocabulary.json").GetProperty("urgencies").EnumerateArray()
            .Single(u => u.GetProperty("id").GetString() == urgency).GetProperty("seeDoctor").GetString()!;

    public static int Rank(string seeDoctor) => SeeDoctorOrder.ToList().IndexOf(seeDoctor);

    /// <summary>POSTs a check and asserts a 200 JSON answer.</summary>
    public static async Task<JsonElement> CheckAsync(this HttpClient client, JsonNode body)
    {
        using var response = await client.PostAsJsonAsync(CheckUrl, body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {body.ToJsonString()} gave {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    /// <summary>POSTs raw text as JSON and asserts a 400 problem whose <c>errors</c> has exactly the expected key.</summary>
    public static async Task<JsonElement> CheckRejectedAsync(this HttpClient client, string body, string errorKey)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(CheckUrl, content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {body} gave {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal([errorKey], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty(errorKey).EnumerateArray());
        return problem;
    }

    public static List<JsonElement> Matches(this JsonElement check) => [.. check.GetProperty("matches").EnumerateArray()];

    public static List<string> MatchIds(this JsonElement check) => [.. check.Matches().Select(m => m.GetProperty("id").GetString()!)];

    public static JsonElement MatchFor(this JsonElement check, string redFlag) =>
        check.Matches().SingleOrDefault(m => m.GetProperty("id").GetString() == redFlag) is { ValueKind: JsonValueKind.Object } match
            ? match
            : throw new Xunit.Sdk.XunitException($"{redFlag} is not among the matches: {string.Join(", ", check.MatchIds())}");

    public static string SeeDoctor(this JsonElement element) => element.GetProperty("seeDoctor").GetString()!;

    public static List<JsonElement> Reasons(this JsonElement match) => [.. match.GetProperty("reasons").EnumerateArray()];

    public static List<string> StringList(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
