using System.Globalization;
using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>A path or query parameter as the OpenAPI document declares it.</summary>
public sealed record ApiParameter(string Name, string In, bool Required, JsonElement Schema, string? Example, string Description)
{
    public string? Type => Schema.TryGetProperty("type", out var type) ? type.GetString() : null;

    public bool InPath => In == "path";

    public static ApiParameter Parse(JsonElement parameter)
    {
        var schema = parameter.TryGetProperty("schema", out var s) ? s.Clone() : default;
        string? example = null;
        if (parameter.TryGetProperty("example", out var e))
        {
            example = e.ValueKind switch
            {
                JsonValueKind.String => e.GetString(),
                JsonValueKind.Number => e.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => e.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
                _ => null,
            };
        }

        return new ApiParameter(
            parameter.GetProperty("name").GetString()!,
            parameter.GetProperty("in").GetString()!,
            parameter.TryGetProperty("required", out var required) && required.GetBoolean(),
            schema,
            example,
            parameter.TryGetProperty("description", out var description) ? description.GetString() ?? "" : "");
    }
}
