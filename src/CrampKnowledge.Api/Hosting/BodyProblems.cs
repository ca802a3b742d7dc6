using System.Text.Json;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Names the field of a JSON body that could not be read, in wire terms. The framework's own messages
/// name C# parameters and .NET types ("Nullable`1[System.Boolean]"), which mean nothing to a client.
/// </summary>
internal static class BodyProblems
{
    /// <summary>The whole body, when the problem is not in one field.</summary>
    public const string BodyField = "body";

    /// <summary>The field (camelCase, as sent; <c>body</c> for the whole) and what is wrong, or null when the problem is not the body.</summary>
    public static (string Field, string Message)? Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            if (json.Message.StartsWith("The JSON property", StringComparison.Ordinal))
            {
                // Unmapped members are reported with the path of the object that holds them.
                var name = json.Message.Split('\'') is [_, var property, ..] ? property : field;
                return (name, $"'{name}' is not a field of this request; see the schema in /swagger.");
            }

            if (json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            {
                return field == BodyField
                    ? (field, "The body must be a JSON object.")
                    : (field, "This value has the wrong type (text, true/false, or a list of text); see the schema in /swagger.");
            }

            if (json.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
            {
                var name = json.Message.Split('\'') is [_, var property, ..] ? property : field;
                return (name, $"'{name}' appears more than once; send each field once.");
            }

            var reason = json.Message.Split(" Path:", 2)[0];
            return (BodyField, $"The body is not valid JSON: {reason}");
        }

        // An empty body, or a literal null, for an endpoint that needs one.
        return bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            || bad.Message.Contains("from body", StringComparison.OrdinalIgnoreCase)
            ? (BodyField, "A JSON object is required as the request body.")
            : null;
    }

    private static string FieldOf(string? path) =>
        path is null or "$" ? BodyField : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
