using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>One property of a request body schema: its JSON type, documented values and length limit.</summary>
public sealed record BodyProperty(string Name, string Type, IReadOnlyList<string> Enum, int? MaxLength, string? Example)
{
    public static IReadOnlyList<BodyProperty> From(ApiContract contract, JsonElement schema)
    {
        var resolved = contract.Dereference(schema);
        return resolved.GetProperty("properties").EnumerateObject().Select(p =>
        {
            var property = contract.Dereference(p.Value);
            return new BodyProperty(
                p.Name,
                property.TryGetProperty("type", out var type) ? type.GetString()! : "object",
                property.TryGetProperty("enum", out var choices) ? choices.EnumerateArray().Select(c => c.GetString()!).ToList() : [],
                property.TryGetProperty("maxLength", out var max) ? max.GetInt32() : null,
                property.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.String ? example.GetString() : null);
        }).ToList();
    }
}
