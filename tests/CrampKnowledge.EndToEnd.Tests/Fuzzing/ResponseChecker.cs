using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// The rules every answer must keep: no 5xx; every 4xx an <c>application/problem+json</c> whose
/// <c>status</c> is the response's, with a title and a detail a person can act on; 405 with
/// <c>Allow</c>; every status documented for its operation, and every body valid against the schema the document declares for
/// that status and media type (JsonSchema.Net, see <see cref="OpenApiSchemas"/>); no 304 or other redirect.
/// </summary>
public sealed class ResponseChecker(ApiContract contract)
{
    private const int MinimumDetailLength = 15;

    private static readonly JsonElement ProblemDetailsReference =
        JsonDocument.Parse("""{"$ref":"#/components/schemas/ProblemDetails"}""").RootElement;

    // Framework text that means an internal message leaked instead of an explanation.
    private static readonly string[] Internals = ["\n   at ", "System.", "Microsoft.AspNetCore", "Nullable`1", "Exception:", "StackTrace"];

    private readonly ContractRouter _router = new(contract.Operations);

    public IReadOnlyList<string> Check(FuzzCase fuzzCase, RawResponse response)
    {
        var violations = new List<string>();
        var status = response.Status;
        if (status >= 500)
        {
            violations.Add($"{status}: no input may produce a 5xx");
        }

        if (fuzzCase.Expected is { } expected && !expected.Contains(status))
        {
            violations.Add($"expected {string.Join(" or ", expected.Order())}, got {status}");
        }

        // A traversal or an empty id can land on another route; its answer follows that route's contract.
        var reached = _router.Match(fuzzCase.Request.Method, fuzzCase.Request.Target);
        var isHead = fuzzCase.Request.Method == "HEAD";
        if (status is >= 400 and < 600)
        {
            // A target that no longer matches any route (a traversal, a path made too long) may be a 404 of no operation.
            CheckProblem(reached ?? fuzzCase.Operation, response, isHead, violations, undocumentedAllowed: reached is null && status == 404);
        }
        else if (status is >= 200 and < 300 && !isHead)
        {
            CheckSuccess(reached, fuzzCase.Request, response, violations);
        }
        else if (status is >= 300 and < 400)
        {
            violations.Add($"{status}: no redirect or 304 is expected (no If-None-Match was sent)");
        }

        if (status == 405)
        {
            var allow = response.Header("Allow");
            if (string.IsNullOrWhiteSpace(allow))
            {
                violations.Add("405 without an Allow header");
            }
            else if (allow.Split(',', StringSplitOptions.TrimEntries).Contains(fuzzCase.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                violations.Add($"405 for {fuzzCase.Request.Method}, but Allow: {allow} lists it");
            }
        }

        if (fuzzCase.Oracle?.Invoke(response) is { } oracle)
        {
            violations.Add(oracle);
        }

        return violations;
    }

    private void CheckProblem(ApiOperation operation, RawResponse response, bool isHead, List<string> violations, bool undocumentedAllowed)
    {
        var status = response.Status;
        if (response.MediaType != "application/problem+json")
        {
            violations.Add($"{status} with Content-Type '{response.Header("Content-Type") ?? "(none)"}', not application/problem+json");
            return;
        }

        if (isHead)
        {
            return;
        }

        JsonDocument problem;
        try
        {
            problem = JsonDocument.Parse(response.Body);
        }
        catch (JsonException e)
        {
            violations.Add($"{status} problem body is not JSON: {e.Message}");
            return;
        }

        using (problem)
        {
            var root = problem.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                violations.Add($"{status} problem body is not a JSON object");
                return;
            }

            if (!root.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != status)
            {
                violations.Add($"problem 'status' is {(root.TryGetProperty("status", out var actual) ? actual.GetRawText() : "missing")}, not {status}");
            }

            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            if (title.Length == 0)
            {
                violations.Add("problem has no title");
            }

            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "";
            var phrase = response.StatusLine.Split(' ', 3).ElementAtOrDefault(2) ?? "";
            if (detail.Length < MinimumDetailLength || detail.Equals(title, StringComparison.OrdinalIgnoreCase)
                || detail.Equals(phrase, StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"problem detail '{detail}' does not say what is wrong (title '{title}')");
            }
            else if (Internals.FirstOrDefault(i => detail.Contains(i, StringComparison.Ordinal)) is { } leak)
            {
                violations.Add($"problem detail shows framework internals ('{leak}'): {detail}");
            }

            if (undocumentedAllowed)
            {
                violations.AddRange(contract.Schemas.Validate(ProblemDetailsReference, root).Select(e => $"problem schema: {e}"));
            }
            else if (!operation.Responses.TryGetValue(status, out var documented))
            {
                violations.Add($"{status} is not a documented response of {operation.OperationId} (documented: {string.Join(", ", operation.Responses.Keys.Order())})");
            }
            else if (documented.TryGetValue("application/problem+json", out var schema) && schema.ValueKind == JsonValueKind.Object)
            {
                violations.AddRange(contract.Schemas.Validate(schema, root).Select(e => $"problem schema: {e}"));
            }
            else
            {
                violations.Add($"{status} of {operation.OperationId} is documented without an application/problem+json schema");
            }
        }
    }

    private void CheckSuccess(ApiOperation? operation, RawRequest request, RawResponse response, List<string> violations)
    {
        if (operation is null)
        {
            violations.Add($"{response.Status} for {request.Method} {request.Target.Split('?')[0]}, which is no route of the document");
            return;
        }

        if (!operation.Responses.TryGetValue(response.Status, out var documented) || documented.Count == 0)
        {
            violations.Add($"{response.Status} is not a documented response of {operation.OperationId}");
            return;
        }

        var mediaType = response.MediaType ?? "(none)";
        if (!documented.TryGetValue(mediaType, out var schema))
        {
            violations.Add($"{response.Status} as '{mediaType}'; documented: {string.Join(", ", documented.Keys)}");
            return;
        }

        if (!mediaType.Contains("json", StringComparison.Ordinal))
        {
            // A documented non-JSON type (none today): the media type matching is all the document promises.
            return;
        }

        JsonDocument body;
        try
        {
            body = JsonDocument.Parse(response.Body);
        }
        catch (JsonException e)
        {
            violations.Add($"{response.Status} body is not JSON: {e.Message}");
            return;
        }

        using (body)
        {
            violations.AddRange(contract.Schemas.Validate(schema, body.RootElement).Select(e => $"schema: {e}"));
        }
    }
}
