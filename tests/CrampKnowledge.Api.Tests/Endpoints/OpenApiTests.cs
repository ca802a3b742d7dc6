using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Endpoints;

public partial class OpenApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // The endpoints issue 2 asks for; the document must hold these and every other mapped route.
    private static readonly string[] RequiredOperations =
    [
        "GetIndex", "ListCategories",
        "ListCauses", "GetCause", "ListTreatmentsForCause", "ListPreventionsForCause", "ListRedFlagsForCause",
        "ListTreatments", "GetTreatment", "ListCausesForTreatment", "ListCautionsForTreatment",
        "ListPreventions", "GetPrevention", "ListCausesForPrevention",
        "ListRedFlags", "GetRedFlag", "ListCausesForRedFlag",
        "ListSources", "GetSource",
    ];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task EveryMappedEndpointIsDocumentedWithOperationIdSummaryDescriptionAndTag()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var endpoints = MappedEndpoints();

        TestJson.AssertNone(RequiredOperations.Except(endpoints.Select(e => e.Name)).Select(name => $"{name} is not mapped"));
        foreach (var (method, path, name) in endpoints)
        {
            Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the document");
            Assert.Equal(name, Optional(operation, "operationId"));
            Assert.False(string.IsNullOrWhiteSpace(Optional(operation, "summary")), $"{name} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(Optional(operation, "description")), $"{name} has no description");
            Assert.True(operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{name} has no tag");
        }

        Assert.Equal(endpoints.Count, Operations(document).Count());
    }

    [Fact]
    public async Task EveryOperationDocumentsTheSchemaOfItsJsonAnswer()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");

        var undocumented = Operations(document)
            .Where(o => !o.Operation.GetProperty("responses").TryGetProperty("200", out var ok)
                || !ok.TryGetProperty("content", out var content)
                || !content.EnumerateObject().Any(c => IsJson(c.Name) && c.Value.TryGetProperty("schema", out _)))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}")
            .ToList();

        TestJson.AssertNone(undocumented);
    }

    [Fact]
    public async Task ListsDocumentTheir400AndRecordsTheir404AsProblemDetails()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var missing = new List<string>();

        foreach (var (path, _, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            if (Parameters(operation).Any(p => p.Text("in") == "query") && !IsProblemResponse(responses, "400"))
            {
                missing.Add($"{path} takes query parameters but documents no problem+json 400");
            }

            if (path.Contains("{id}", StringComparison.Ordinal) && !IsProblemResponse(responses, "404"))
            {
                missing.Add($"{path} takes an id but documents no problem+json 404");
            }
        }

        Assert.Contains(Operations(document), o => IsProblemResponse(o.Operation.GetProperty("responses"), "400"));
        Assert.Contains(Operations(document), o => IsProblemResponse(o.Operation.GetProperty("responses"), "404"));
        TestJson.AssertNone(missing);
    }

    [Fact]
    public async Task EveryParameterHasADescription()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");

        var parameters = Operations(document).SelectMany(o => Parameters(o.Operation).Select(p => (o.Path, Parameter: p))).ToList();

        Assert.NotEmpty(parameters);
        TestJson.AssertNone(parameters
            .Where(p => !p.Parameter.TryGetProperty("description", out var d) || string.IsNullOrWhiteSpace(d.GetString()))
            .Select(p => $"{p.Path} ?{p.Parameter.Text("name")}"));
    }

    [Fact]
    public async Task EveryOperationAnswersItsOwnExamplesWithRealContent()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var failures = new List<string>();

        foreach (var (path, _, operation) in Operations(document).Where(o => o.Method == "get"))
        {
            var url = ExampleUrl(path, operation);

            using var response = await _client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();

            if (response.StatusCode != HttpStatusCode.OK || !IsJson(response.Content.Headers.ContentType?.MediaType ?? ""))
            {
                failures.Add($"{url} gave {(int)response.StatusCode} {response.Content.Headers.ContentType}: {body[..Math.Min(body.Length, 300)]}");
            }
            else if (!HasContent(JsonSerializer.Deserialize<JsonElement>(body)))
            {
                failures.Add($"{url} found nothing");
            }
        }

        TestJson.AssertNone(failures);
    }

    [Fact]
    public async Task EverySortValueADescriptionNamesIsAccepted()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var sorts = Operations(document)
            .SelectMany(o => Parameters(o.Operation).Where(p => p.Text("name") == "sort").Select(p => (o.Path, Description: p.Text("description"))))
            .ToList();

        Assert.NotEmpty(sorts);
        foreach (var (path, description) in sorts)
        {
            var values = Backticked().Matches(description).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(values);
            foreach (var value in values)
            {
                using var response = await _client.GetAsync($"{path}?sort={Uri.EscapeDataString(value)}");
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} documents sort={value} but answers {(int)response.StatusCode}");
            }
        }
    }

    [Theory]
    [InlineData("CauseDetail", "linksNote")]
    [InlineData("RelatedRecord", "basis")]
    [InlineData("GraphEdge", "basis")]
    public async Task TheLinkFieldsOfIssue15AreDescribed(string schema, string property)
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");

        var field = document.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").GetProperty(property);
        Assert.False(string.IsNullOrWhiteSpace(field.Text("description")), $"{schema}.{property} has no description");
    }

    [Fact]
    public async Task EveryLimitTheDocumentStatesIsTheOneEnforced()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var checkedLimits = 0;

        foreach (var (path, method, operation) in Operations(document).Where(o => o.Method == "get" && !o.Path.Contains('{', StringComparison.Ordinal)))
        {
            foreach (var parameter in Parameters(operation).Where(p => p.Text("in") == "query"))
            {
                var name = parameter.Text("name");
                var schema = parameter.GetProperty("schema");
                var within = new List<string>();
                var beyond = new List<string>();
                if (schema.TryGetProperty("maximum", out var maximum))
                {
                    within.Add(maximum.GetInt32().ToString(CultureInfo.InvariantCulture));
                    beyond.Add((maximum.GetInt32() + 1).ToString(CultureInfo.InvariantCulture));
                }

                if (schema.TryGetProperty("minimum", out var minimum))
                {
                    within.Add(minimum.GetInt32().ToString(CultureInfo.InvariantCulture));
                    beyond.Add((minimum.GetInt32() - 1).ToString(CultureInfo.InvariantCulture));
                }

                if (schema.TryGetProperty("maxLength", out var maxLength))
                {
                    within.Add(string.Join(' ', Enumerable.Repeat("cramp", maxLength.GetInt32()))[..maxLength.GetInt32()]);
                    beyond.Add(new string('a', maxLength.GetInt32() + 1));
                }

                var required = Parameters(operation).Where(p => p.TryGetProperty("required", out var r) && r.GetBoolean() && p.Text("name") != name)
                    .Select(p => $"&{p.Text("name")}={Uri.EscapeDataString(p.GetProperty("example").ToString())}");
                foreach (var value in within)
                {
                    using var ok = await _client.GetAsync($"{path}?{name}={Uri.EscapeDataString(value)}{string.Concat(required)}");
                    Assert.True(ok.StatusCode == HttpStatusCode.OK, $"{method.ToUpperInvariant()} {path}: {name}={value[..Math.Min(20, value.Length)]} is within the documented limits but answered {ok.StatusCode}");
                }

                foreach (var value in beyond)
                {
                    var problem = await _client.GetProblemAsync($"{path}?{name}={Uri.EscapeDataString(value)}{string.Concat(required)}", HttpStatusCode.BadRequest);
                    Assert.True(problem.GetProperty("errors").TryGetProperty(name, out _), $"{path}: {name} past its limit is not named: {problem}");
                    checkedLimits++;
                }
            }
        }

        // page and pageSize on five lists, minSources and q on four, and search's q and limit.
        Assert.True(checkedLimits >= 30, $"only {checkedLimits} limits were checked");
    }

    [Fact]
    public async Task OptionalParametersAreNotMarkedRequired()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");

        var required = Operations(document).SelectMany(o => Parameters(o.Operation)
            .Where(p => p.TryGetProperty("required", out var r) && r.GetBoolean() && p.Text("in") == "query")
            .Select(p => $"{o.Path} {p.Text("name")}"));

        Assert.Equal(["/api/v1/search q"], required);
    }

    [Fact]
    public async Task EveryOperationDocumentsTheAnswersOfTheHttpLayer()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");

        foreach (var (path, method, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            var expected = new List<string> { "405", "413", "414", "429", "500" };
            if (operation.TryGetProperty("requestBody", out _))
            {
                expected.Add("415");
            }

            foreach (var status in expected)
            {
                Assert.True(IsProblemResponse(responses, status), $"{method.ToUpperInvariant()} {path} does not document {status} as ProblemDetails");
            }

            if (method == "get")
            {
                Assert.True(responses.TryGetProperty("304", out _), $"GET {path} does not document 304");
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/condition")]
    [InlineData("/api/v1/condition.jsonld")]
    public async Task TheJsonLdSchemaDescribesTheMarkupServed(string path)
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/ld+json").GetProperty("schema");

        using var response = await _client.GetAsync(path);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var markup = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        foreach (var property in schema.GetProperty("required").Texts())
        {
            Assert.True(markup.TryGetProperty(property, out _), $"{path} lacks {property}");
        }

        var mainEntity = schema.GetProperty("properties").GetProperty("mainEntity");
        foreach (var property in mainEntity.GetProperty("required").Texts())
        {
            Assert.True(markup.GetProperty("mainEntity").TryGetProperty(property, out _), $"{path} mainEntity lacks {property}");
        }

        Assert.Equal("MedicalWebPage", markup.Text("@type"));
        Assert.False(document.GetProperty("components").GetProperty("schemas").TryGetProperty("JsonNode", out _), "the .NET JsonNode class is still described");
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        using var response = await _client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private List<(string Method, string Path, string Name)> MappedEndpoints()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [], (e, method) => (
                method,
                "/" + e.RoutePattern.RawText!.Trim('/'),
                e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? $"(unnamed {e.RoutePattern.RawText})"))];
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name != "parameters"), (path, op) => (path.Name, op.Name, op.Value));

    private static List<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    private static string? Optional(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static bool IsProblemResponse(JsonElement responses, string status) =>
        responses.TryGetProperty(status, out var response)
        && response.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/problem+json", out _);

    private static bool IsJson(string mediaType) =>
        mediaType == "application/json" || (mediaType.StartsWith("application/", StringComparison.Ordinal) && mediaType.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>The operation's path and query filled from the document's examples; parameters without one are left out.</summary>
    private static string ExampleUrl(string path, JsonElement operation)
    {
        var query = new List<string>();
        foreach (var parameter in Parameters(operation).Where(p => p.TryGetProperty("example", out _)))
        {
            var example = parameter.GetProperty("example");
            var value = Uri.EscapeDataString(example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText());
            if (parameter.Text("in") == "path")
            {
                path = path.Replace($"{{{parameter.Text("name")}}}", value, StringComparison.Ordinal);
            }
            else
            {
                query.Add($"{parameter.Text("name")}={value}");
            }
        }

        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>A list with items, or a record (or index) with more than its disclaimer.</summary>
    private static bool HasContent(JsonElement body) =>
        body.TryGetProperty("items", out var items)
            ? items.GetArrayLength() > 0
            : body.EnumerateObject().Count(p => p.Name != "disclaimer" && p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)) > 1;

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
