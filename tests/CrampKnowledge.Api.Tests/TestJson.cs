using System.Net;
using System.Text.Json;

namespace CrampKnowledge.Api.Tests;

/// <summary>Reading the API's JSON and the seed files the expectations come from.</summary>
internal static class TestJson
{
    public static string SeedDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "seed-data");

    public static JsonElement ReadSeed(string file) =>
        JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(SeedDirectory, file)));

    /// <summary>The four record files, named as in URLs: causes, treatments, preventions, red-flags.</summary>
    public static IReadOnlyList<string> RecordPlurals { get; } = ["causes", "treatments", "preventions", "red-flags"];

    /// <summary>The records of causes.json, treatments.json, preventions.json or red-flags.json.</summary>
    public static List<JsonElement> SeedRecords(string plural) => [.. ReadSeed($"{plural}.json").EnumerateArray()];

    /// <summary>One list of links.json, e.g. <c>("causeTreatments", "cause", "treatment")</c>.</summary>
    public static List<(string From, string To, JsonElement Citations)> SeedLinks(string list, string from, string to) =>
        [.. ReadSeed("links.json").GetProperty(list).EnumerateArray()
            .Select(l => (l.Text(from), l.Text(to), l.GetProperty("citations")))];

    /// <summary>Every citation in the seed: on records, on links and on each side of a contested point.</summary>
    public static IEnumerable<JsonElement> AllSeedCitations()
    {
        var records = RecordPlurals.SelectMany(SeedRecords).SelectMany(r => r.GetProperty("citations").EnumerateArray());
        var links = ReadSeed("links.json").EnumerateObject()
            .SelectMany(list => list.Value.EnumerateArray()).SelectMany(l => l.GetProperty("citations").EnumerateArray());
        var sides = ReadSeed("contested.json").EnumerateArray()
            .SelectMany(p => p.GetProperty("sides").EnumerateArray()).SelectMany(s => s.GetProperty("citations").EnumerateArray());
        return records.Concat(links).Concat(sides);
    }

    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static async Task<JsonElement> GetProblemAsync(this HttpClient client, string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadProblemAsync(status);
    }

    /// <summary>Asserts an RFC 9457 body: the status, the media type, a title and the status field.</summary>
    public static async Task<JsonElement> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}, not {(int)status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.Text("title")));
        return problem;
    }

    public static string Text(this JsonElement element, string property) =>
        element.GetProperty(property).GetString() ?? throw new InvalidOperationException($"'{property}' is null");

    public static List<string> Texts(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    public static List<JsonElement> Items(this JsonElement list) => [.. list.GetProperty("items").EnumerateArray()];

    public static List<string> ItemIds(this JsonElement list) => [.. list.Items().Select(i => i.Text("id"))];

    /// <summary>Citations as comparable strings: source, quote (whitespace collapsed), certainty and phrase.</summary>
    public static List<string> CitationKeys(this JsonElement citations) =>
        [.. citations.EnumerateArray().Select(c =>
            $"{c.Text("source")} | {Collapse(c.Text("quote"))} | {c.Text("certainty")} | {c.Text("certaintyPhrase")}")];

    /// <summary>Asserts that a check over many items found nothing, listing every finding in full if it did.</summary>
    public static void AssertNone(IEnumerable<string> findings)
    {
        var list = findings.ToList();
        Assert.True(list.Count == 0, $"{list.Count} finding(s):{Environment.NewLine}{string.Join(Environment.NewLine, list)}");
    }

    /// <summary>Quotes are verbatim up to whitespace, so both sides are compared with runs of it collapsed.</summary>
    public static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
