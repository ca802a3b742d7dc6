using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// The document's schemas evaluated by an independent validator, JsonSchema.Net (JSON Schema 2020-12), rather than by
/// code of our own. OpenAPI 3.0 schemas differ from JSON Schema in two places, rewritten here: <c>nullable: true</c>
/// becomes a type list with <c>null</c> (or an <c>anyOf</c> with null around a <c>$ref</c>), and
/// <c>#/components/schemas/X</c> becomes <c>#/$defs/X</c>, with every component schema under <c>$defs</c>.
/// </summary>
public sealed class OpenApiSchemas(JsonElement componentSchemas)
{
    private const string ComponentPrefix = "#/components/schemas/";
    private readonly JsonObject _definitions = (JsonObject)ToJsonSchema(JsonNode.Parse(componentSchemas.GetRawText())!);
    private readonly ConcurrentDictionary<string, JsonSchema> _compiled = new();
    private int _built;

    /// <summary>Where <paramref name="value"/> breaks <paramref name="schema"/> (an OpenAPI schema object), at most <paramref name="maxErrors"/>.</summary>
    public IReadOnlyList<string> Validate(JsonElement schema, JsonElement value, int maxErrors = 8)
    {
        var compiled = _compiled.GetOrAdd(schema.GetRawText(), Build);
        var results = compiled.Evaluate(value, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } at ? at : "/")}: {e.Value} ({e.Key} at {d.EvaluationPath})"))
            .Distinct()
            .Take(maxErrors)];
    }

    private JsonSchema Build(string openApiSchema)
    {
        var root = ToJsonSchema(JsonNode.Parse(openApiSchema)!);
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _definitions.DeepClone(),
            ["allOf"] = new JsonArray(root),
        };
        // Each compiled schema gets its own registry and URI: the same $defs are built many times over.
        var uri = new Uri($"urn:crampknowledge:openapi:{Interlocked.Increment(ref _built)}");
        return JsonSchema.FromText(document.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, uri);
    }

    /// <summary>An OpenAPI 3.0 schema (or any node inside one) as JSON Schema 2020-12.</summary>
    private static JsonNode ToJsonSchema(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(item => item is null ? null : ToJsonSchema(item))]);
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    if (name == "nullable" || value is null)
                    {
                        continue;
                    }

                    result[name] = name == "$ref" && value.GetValue<string>().StartsWith(ComponentPrefix, StringComparison.Ordinal)
                        ? "#/$defs/" + value.GetValue<string>()[ComponentPrefix.Length..]
                        // Examples are data, not schemas: copied as they are.
                        : name is "example" or "examples" or "enum" or "default" ? value.DeepClone() : ToJsonSchema(value);
                }

                if (obj["nullable"]?.GetValue<bool>() != true)
                {
                    return result;
                }

                if (result["type"] is JsonValue type)
                {
                    result["type"] = new JsonArray(type.GetValue<string>(), "null");
                    if (result["enum"] is JsonArray choices && !choices.Any(c => c is null))
                    {
                        choices.Add(null);
                    }

                    return result;
                }

                return new JsonObject { ["anyOf"] = new JsonArray(result, new JsonObject { ["type"] = "null" }) };
            default:
                return node.DeepClone();
        }
    }
}
