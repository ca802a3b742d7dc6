using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>The live OpenAPI 3.0 document: every operation, and the component schemas they refer to.</summary>
public sealed class ApiContract
{
    private readonly JsonElement _schemas;

    private ApiContract(IReadOnlyList<ApiOperation> operations, JsonElement schemas)
    {
        Operations = operations;
        _schemas = schemas;
        Schemas = new OpenApiSchemas(schemas);
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>The component schemas as JSON Schema, for validating answers.</summary>
    public OpenApiSchemas Schemas { get; }

    public static ApiContract Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var operations = new List<ApiOperation>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                operations.Add(ApiOperation.Parse(method.Name, path.Name, method.Value));
            }
        }

        return new ApiContract(operations, root.GetProperty("components").GetProperty("schemas").Clone());
    }

    /// <summary>A component schema by its <c>$ref</c> (<c>#/components/schemas/Name</c>).</summary>
    public JsonElement Resolve(string reference)
    {
        const string Prefix = "#/components/schemas/";
        return reference.StartsWith(Prefix, StringComparison.Ordinal) && _schemas.TryGetProperty(reference[Prefix.Length..], out var schema)
            ? schema
            : throw new InvalidOperationException($"The document has no schema {reference}.");
    }

    /// <summary>Follows <c>$ref</c>s until a schema with content.</summary>
    public JsonElement Dereference(JsonElement schema)
    {
        for (var hops = 0; schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            if (hops > 20)
            {
                throw new InvalidOperationException("A $ref cycle without content.");
            }

            schema = Resolve(reference.GetString()!);
        }

        return schema;
    }
}
