using System.Text.Json;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>Compares what the API serves for causes, treatments, preventions and red flags with the seed files.</summary>
internal static class RecordChecks
{
    /// <summary>Every list row against its seed record, and the list against the whole seed file.</summary>
    public static async Task AssertListMatchesSeedAsync(HttpClient client, string plural)
    {
        var seed = TestJson.SeedRecords(plural);

        var list = await ListChecks.GetAllAsync(client, $"/api/v1/{plural}");

        Assert.Equal(seed.Select(r => r.Text("id")).Order(StringComparer.Ordinal), list.ItemIds().Order(StringComparer.Ordinal));
        foreach (var item in list.Items())
        {
            var record = seed.Single(r => r.Text("id") == item.Text("id"));
            AssertCoreFields(item, record);
            Assert.Equal(ContestedPoints(plural, record.Text("id")).Count > 0, item.GetProperty("contested").GetBoolean());
        }

        Assert.Equal(Disclaimer, list.Text("disclaimer"));
    }

    /// <summary>One record's detail: its fields, citations (with source titles) and the contested points about it.</summary>
    public static async Task<JsonElement> AssertDetailMatchesSeedAsync(HttpClient client, string plural, JsonElement seed)
    {
        var id = seed.Text("id");
        var titles = TestJson.ReadSeed("sources.json").EnumerateArray().ToDictionary(s => s.Text("id"), s => s.Text("title"));

        var detail = await client.GetOkAsync($"/api/v1/{plural}/{id}");

        AssertCoreFields(detail, seed);
        Assert.Equal(seed.GetProperty("citations").CitationKeys(), detail.GetProperty("citations").CitationKeys());
        Assert.All(detail.GetProperty("citations").EnumerateArray(), c => Assert.Equal(titles[c.Text("source")], c.Text("sourceTitle")));
        var points = ContestedPoints(plural, id);
        var notes = detail.GetProperty("contested").EnumerateArray().ToList();
        Assert.Equal(points.Select(p => p.Text("id")).Order(StringComparer.Ordinal), notes.Select(n => n.Text("id")).Order(StringComparer.Ordinal));
        foreach (var note in notes)
        {
            var point = points.Single(p => p.Text("id") == note.Text("id"));
            Assert.Equal(point.Text("topic"), note.Text("topic"));
            var seedSides = point.GetProperty("sides").EnumerateArray().ToList();
            var sides = note.GetProperty("sides").EnumerateArray().ToList();
            Assert.Equal(seedSides.Select(s => s.Text("position")), sides.Select(s => s.Text("position")));
            Assert.Equal(seedSides.Select(s => s.GetProperty("citations").CitationKeys()), sides.Select(s => s.GetProperty("citations").CitationKeys()));
        }

        Assert.Equal(Disclaimer, detail.Text("disclaimer"));
        return detail;
    }

    /// <summary>A detail's related list or a sub-resource's items: exactly the linked records, each with the link's quotes.</summary>
    public static void AssertRelated(JsonElement related, IEnumerable<(string Id, JsonElement Citations)> expected)
    {
        var byId = expected.ToDictionary(e => e.Id, e => e.Citations.CitationKeys());
        var items = related.EnumerateArray().ToList();

        Assert.Equal(byId.Keys.Order(StringComparer.Ordinal), items.Select(i => i.Text("id")).Order(StringComparer.Ordinal));
        Assert.All(items, item =>
        {
            Assert.NotEmpty(item.GetProperty("citations").EnumerateArray());
            Assert.Equal(byId[item.Text("id")], item.GetProperty("citations").CitationKeys());
        });
    }

    /// <summary>Links of one list that start (or, with <paramref name="reverse"/>, end) at <paramref name="id"/>.</summary>
    public static List<(string Id, JsonElement Citations)> Linked(string list, string from, string to, string id, bool reverse = false) =>
        [.. TestJson.SeedLinks(list, from, to)
            .Where(l => (reverse ? l.To : l.From) == id)
            .Select(l => (reverse ? l.From : l.To, l.Citations))];

    public static async Task AssertSubResourceAsync(
        HttpClient client, string url, string type, string id, IEnumerable<(string Id, JsonElement Citations)> expected)
    {
        var related = await client.GetOkAsync(url);

        Assert.Equal(type, related.GetProperty("of").Text("type"));
        Assert.Equal(id, related.GetProperty("of").Text("id"));
        AssertRelated(related.GetProperty("items"), expected);
        Assert.Equal(related.GetProperty("items").GetArrayLength(), related.GetProperty("total").GetInt32());
        Assert.Equal(Disclaimer, related.Text("disclaimer"));
    }

    public static string Disclaimer => Contracts.Disclaimer.Text;

    /// <summary>The contested points in contested.json that concern a record.</summary>
    public static List<JsonElement> ContestedPoints(string plural, string id) =>
        [.. TestJson.ReadSeed("contested.json").EnumerateArray()
            .Where(p => p.GetProperty("concerns").EnumerateArray().Any(c => c.Text("type") == plural[..^1] && c.Text("id") == id))];

    private static void AssertCoreFields(JsonElement actual, JsonElement seed)
    {
        Assert.Equal(seed.Text("name"), actual.Text("name"));
        Assert.Equal(seed.Text("summary"), actual.Text("summary"));
        Assert.Equal(seed.Text("category"), actual.Text("category"));
        Assert.Equal(seed.GetProperty("aliases").Texts(), actual.GetProperty("aliases").Texts());
        var sources = seed.GetProperty("citations").EnumerateArray().Select(c => c.Text("source")).Distinct().Count();
        Assert.Equal(sources, actual.GetProperty("sourceCount").GetInt32());
        if (seed.TryGetProperty("urgency", out var urgency))
        {
            Assert.Equal(urgency.GetString(), actual.Text("urgency"));
        }
        else
        {
            Assert.False(actual.TryGetProperty("urgency", out _), $"{seed.Text("id")} is not a red flag but has an urgency");
        }
    }
}
