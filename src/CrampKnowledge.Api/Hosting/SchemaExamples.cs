using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Gives the common response fields real values from the seed data (the dehydration record and its
/// first quote), so Swagger UI's example bodies read like actual answers instead of "string".
/// </summary>
internal sealed class SchemaExamples : ISchemaFilter
{
    private static readonly Dictionary<string, Func<JsonNode>> Examples = new()
    {
        ["id"] = () => JsonValue.Create("dehydration"),
        ["name"] = () => JsonValue.Create("Dehydration"),
        ["summary"] = () => JsonValue.Create("Too little fluid in the body. Every article lists it as a trigger, and one suggests it may be the most common one."),
        ["category"] = () => JsonValue.Create("fluids-and-minerals"),
        ["aliases"] = () => new JsonArray("not drinking enough water", "dehydrated", "low fluid intake"),
        ["sourceCount"] = () => JsonValue.Create(5),
        ["source"] = () => JsonValue.Create("prairie-path"),
        ["sourceTitle"] = () => JsonValue.Create("Leg and Foot Muscle Cramps: Causes, Warning Signs and Relief"),
        ["quote"] = () => JsonValue.Create("The most common cause may be dehydration."),
        ["certainty"] = () => JsonValue.Create("common"),
        ["certaintyPhrase"] = () => JsonValue.Create("The most common cause may be"),
        ["urgency"] = () => JsonValue.Create("see-specialist"),
        ["publisher"] = () => JsonValue.Create("Prairie Path Foot and Ankle"),
        ["type"] = () => JsonValue.Create("cause"),
        ["disclaimer"] = () => JsonValue.Create(Contracts.Disclaimer.Text),
    };

    public static IEnumerable<(string Property, JsonNode Example)> All => Examples.Select(e => (e.Key, e.Value()));

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        // Problem details have their own meaning for "type"; leave framework schemas alone.
        if (schema is not OpenApiSchema concrete || concrete.Properties is null
            || context.Type.Namespace?.StartsWith("CrampKnowledge", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var (name, property) in concrete.Properties)
        {
            if (property is OpenApiSchema target && Examples.TryGetValue(name, out var example))
            {
                target.Examples = [example()];
            }
        }
    }
}
