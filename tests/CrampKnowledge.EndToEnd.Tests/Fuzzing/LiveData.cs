using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>Real values read from the running API, so "valid" cases name records and terms that exist.</summary>
public sealed record LiveData(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Ids,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Names,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Categories,
    IReadOnlyList<string> Urgencies,
    IReadOnlyList<string> RulePhrases)
{
    public static readonly IReadOnlyList<string> RecordCollections = ["causes", "treatments", "preventions", "red-flags"];

    // Where /api/v1/categories keeps each collection's vocabulary.
    private static readonly Dictionary<string, string> CategoryKeys = new()
    {
        ["causes"] = "causes",
        ["treatments"] = "treatments",
        ["preventions"] = "preventions",
        ["red-flags"] = "redFlags",
        ["sources"] = "sourceKinds",
    };

    public static async Task<LiveData> LoadAsync(HttpClient client)
    {
        var ids = new Dictionary<string, IReadOnlyList<string>>();
        var names = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var collection in RecordCollections.Append("sources"))
        {
            using var list = await GetJsonAsync(client, $"/api/v1/{collection}?pageSize=100");
            var items = list.RootElement.GetProperty("items").EnumerateArray().ToList();
            ids[collection] = items.Select(i => i.GetProperty("id").GetString()!).ToList();
            names[collection] = items
                .SelectMany(i => i.TryGetProperty("aliases", out var aliases)
                    ? aliases.EnumerateArray().Select(a => a.GetString()!).Prepend(i.GetProperty("name").GetString()!)
                    : [i.GetProperty("name").GetString()!])
                .ToList();
        }

        using var categories = await GetJsonAsync(client, "/api/v1/categories");
        var terms = CategoryKeys.ToDictionary(
            c => c.Key,
            c => (IReadOnlyList<string>)categories.RootElement.GetProperty(c.Value).EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList());
        var urgencies = categories.RootElement.GetProperty("urgencies").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();

        using var rules = await GetJsonAsync(client, "/api/v1/red-flags/rules");
        var phrases = rules.RootElement.GetProperty("redFlags").EnumerateArray()
            .SelectMany(r => r.GetProperty("triggers").EnumerateArray())
            .SelectMany(t => t.GetProperty("phrases").EnumerateArray().Select(p => p.GetString()!))
            .Distinct().ToList();

        return new LiveData(ids, names, terms, urgencies, phrases);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string path) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
}
