using System.Globalization;
using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Validates JSON against the OpenAPI 3.0 subset the document uses: <c>$ref</c>, <c>type</c>,
/// <c>format</c> (int32), <c>properties</c>, <c>items</c>, <c>nullable</c>, <c>additionalProperties</c>
/// (false or a schema), <c>required</c>, <c>enum</c>, <c>maxLength</c>/<c>minLength</c>.
/// </summary>
public sealed class SchemaValidator(ApiContract contract, int maxErrors = 8)
{
    public IReadOnlyList<string> Validate(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (errors.Count >= maxErrors || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        schema = contract.Dereference(schema);
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type is null && schema.TryGetProperty("properties", out _))
        {
            type = "object";
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (type is not null && !(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
            {
                errors.Add($"{path}: null, but the schema ({type}) is not nullable");
            }

            return;
        }

        if (schema.TryGetProperty("enum", out var choices)
            && !choices.EnumerateArray().Any(choice => choice.GetRawText() == value.GetRawText()))
        {
            errors.Add($"{path}: {Short(value)} is not one of the documented values {choices.GetRawText()}");
        }

        switch (type)
        {
            case "object":
                CheckObject(schema, value, path, errors);
                break;
            case "array" when value.ValueKind != JsonValueKind.Array:
                errors.Add($"{path}: expected an array, got {value.ValueKind}: {Short(value)}");
                break;
            case "array":
                var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Check(items, item, $"{path}[{index++}]", errors);
                }

                break;
            case "string" when value.ValueKind != JsonValueKind.String:
                errors.Add($"{path}: expected a string, got {value.ValueKind}: {Short(value)}");
                break;
            case "string":
                CheckLength(schema, value.GetString()!, path, errors);
                break;
            case "integer":
                CheckInteger(schema, value, path, errors);
                break;
            case "number" when value.ValueKind != JsonValueKind.Number:
                errors.Add($"{path}: expected a number, got {value.ValueKind}: {Short(value)}");
                break;
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                errors.Add($"{path}: expected true or false, got {value.ValueKind}: {Short(value)}");
                break;
            default:
                break;
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: expected an object, got {value.ValueKind}: {Short(value)}");
            return;
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, childPath, errors);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{childPath}: not a documented property (additionalProperties: false)");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(additional, property.Value, childPath, errors);
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(name => !value.TryGetProperty(name, out _)))
            {
                errors.Add($"{path}: required property '{name}' is missing");
            }
        }
    }

    private static void CheckInteger(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            errors.Add($"{path}: expected an integer, got {Short(value)}");
            return;
        }

        if (schema.TryGetProperty("format", out var format) && format.GetString() == "int32" && number is < int.MinValue or > int.MaxValue)
        {
            errors.Add($"{path}: {number.ToString(CultureInfo.InvariantCulture)} is outside int32");
        }
    }

    private static void CheckLength(JsonElement schema, string text, string path, List<string> errors)
    {
        if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
        {
            errors.Add($"{path}: {text.Length} characters, more than maxLength {max.GetInt32()}");
        }

        if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
        {
            errors.Add($"{path}: {text.Length} characters, fewer than minLength {min.GetInt32()}");
        }
    }

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 80 ? text : text[..80] + "…";
    }
}
