using System.Globalization;
using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>One path + method of the OpenAPI document: its parameters, request body and documented responses.</summary>
public sealed record ApiOperation(
    string Method,
    string Path,
    string OperationId,
    IReadOnlyList<ApiParameter> Parameters,
    IReadOnlyDictionary<string, JsonElement> RequestBody,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, JsonElement>> Responses)
{
    /// <summary>The resource family: <c>causes</c> for <c>/api/v1/causes/{id}/treatments</c>, empty for <c>/api/v1</c>.</summary>
    public string Collection => Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2).FirstOrDefault() ?? "";

    public IEnumerable<ApiParameter> QueryParameters => Parameters.Where(p => p.In == "query");

    public IEnumerable<ApiParameter> PathParameters => Parameters.Where(p => p.InPath);

    public bool TakesBody => RequestBody.Count > 0;

    public override string ToString() => $"{Method} {Path} ({OperationId})";

    public static ApiOperation Parse(string method, string path, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(ApiParameter.Parse).ToList()
            : [];
        var body = new Dictionary<string, JsonElement>();
        if (operation.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var bodyContent))
        {
            foreach (var media in bodyContent.EnumerateObject())
            {
                body[media.Name] = media.Value.GetProperty("schema").Clone();
            }
        }

        var responses = new Dictionary<int, IReadOnlyDictionary<string, JsonElement>>();
        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            var content = new Dictionary<string, JsonElement>();
            if (response.Value.TryGetProperty("content", out var media))
            {
                foreach (var type in media.EnumerateObject())
                {
                    content[type.Name] = type.Value.TryGetProperty("schema", out var schema) ? schema.Clone() : default;
                }
            }

            responses[int.Parse(response.Name, CultureInfo.InvariantCulture)] = content;
        }

        return new ApiOperation(method.ToUpperInvariant(), path, operation.GetProperty("operationId").GetString()!, parameters, body, responses);
    }
}
