using System.Text;
using Xunit.Abstractions;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Contract fuzzing against the real process: every operation of the live OpenAPI document gets the
/// same number of generated requests per family (valid, boundaries, wrong types, hostile text, wrong
/// methods and media types, malformed and oversized bodies), sent as raw bytes so Kestrel's own limits
/// are part of what is tested. The API only reads: nothing it is sent may change its database.
/// </summary>
public sealed class ContractFuzzTests(FuzzTarget target, ITestOutputHelper output) : IClassFixture<FuzzTarget>
{
    private static readonly string[] UnsafeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task EveryOperationAnswersEveryGeneratedRequestWithinItsContract()
    {
        var report = await target.RunAsync();
        output.WriteLine(report.Summary());

        Assert.True(report.Operations == target.Contract.Operations.Count && report.Operations >= 20,
            $"Fuzzed {report.Operations} of the document's {target.Contract.Operations.Count} operations.");
        Assert.Equal(report.Operations * Enum.GetValues<FuzzFamily>().Length * FuzzTarget.CasesPerFamily, report.Requests);
        Assert.True(report.Failures.Count == 0, report.DescribeFailures(inFull: 20) + "\n" + report.Summary(listRejections: false));
    }

    [Fact]
    public async Task TheSchemaCheckAcceptsRealAnswersAndRejectsBrokenOnes()
    {
        var getCause = target.Contract.Operations.Single(o => o.OperationId == "GetCause");
        var schema = getCause.Responses[200]["application/json"];
        var body = System.Text.Json.Nodes.JsonNode.Parse(await target.Api.Client.GetStringAsync(new Uri("/api/v1/causes/low-potassium", UriKind.Relative)))!;

        var real = target.Contract.Schemas.Validate(schema, Element(body));
        var wrongType = body.DeepClone();
        wrongType["sourceCount"] = "five";
        var missing = body.DeepClone().AsObject();
        missing.Remove("citations");
        var nullName = body.DeepClone();
        nullName["name"] = null;

        Assert.Empty(real);
        Assert.Contains(target.Contract.Schemas.Validate(schema, Element(wrongType)), e => e.StartsWith("/sourceCount", StringComparison.Ordinal));
        Assert.NotEmpty(target.Contract.Schemas.Validate(schema, Element(missing)));
        Assert.Contains(target.Contract.Schemas.Validate(schema, Element(nullName)), e => e.StartsWith("/name", StringComparison.Ordinal));

        static System.Text.Json.JsonElement Element(System.Text.Json.Nodes.JsonNode node) =>
            System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement;
    }

    [Fact]
    public async Task TheFuzzRunLeavesTheDatabaseAndItsCountsUnchanged()
    {
        var report = await target.RunAsync();

        var after = DatabaseSnapshot.Take(target.Api.DatabasePath);
        var counts = await target.CountsAsync();

        Assert.True(report.Requests > 1000, $"Only {report.Requests} requests ran.");
        Assert.Equal(target.DatabaseBefore, after);
        Assert.Equal(target.CountsBefore, counts);
    }

    [Fact]
    public async Task UnsafeMethodsOnEveryReadRouteAre405WithAnAllowHeader()
    {
        var problems = new List<string>();
        var reads = target.Contract.Operations.Where(o => o.Method == "GET").ToList();

        foreach (var operation in reads)
        {
            var path = ExamplePath(operation);
            foreach (var method in UnsafeMethods)
            {
                var request = RawRequest.Of(method, path).WithBody("{\"name\":\"changed\"}"u8.ToArray(), "application/json");
                var response = await target.Raw.SendAsync(request);
                var allow = response.Header("Allow") ?? "";
                var allowed = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (response.Status != 405 || !allowed.Contains("GET") || allowed.Intersect(UnsafeMethods).Any()
                    || response.MediaType != "application/problem+json")
                {
                    problems.Add($"{method} {path}: {response.Status}, Allow: '{allow}', Content-Type: {response.Header("Content-Type")}");
                }
            }
        }

        Assert.True(reads.Count >= 20, $"Only {reads.Count} GET operations in the document.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task GetOnTheRedFlagCheckIs405WithAllowPost()
    {
        var check = target.Contract.Operations.Single(o => o.Method == "POST");

        var response = await target.Raw.SendAsync(RawRequest.Of("GET", check.Path));

        var described = $"GET {check.Path} →\n{response.Describe()}";
        Assert.True(response.Status == 405, described);
        Assert.True(response.Header("Allow")?.Split(',', StringSplitOptions.TrimEntries).Contains("POST") == true, described);
        Assert.Equal("application/problem+json", response.MediaType);
    }

    [Fact]
    public async Task AnUnknownIdAsLongAsTheRequestLineAllowsSkipsTheSuggestionSearch()
    {
        // Kestrel admits request lines up to 64 KB (so long queries reach the 414 ProblemDetails). The 404's
        // "did you mean" search costs length × length per candidate, so the API must not run it for ids
        // longer than anything it knows; it once took seconds of CPU per request. A short typo still gets one.
        var longId = await target.Raw.SendAsync(RawRequest.Of("GET", $"/api/v1/causes/{new string('a', 64_000)}"));
        var typo = await target.Raw.SendAsync(RawRequest.Of("GET", "/api/v1/causes/dehydation"));

        Assert.Equal(404, longId.Status);
        Assert.Equal("application/problem+json", longId.MediaType);
        Assert.DoesNotContain("Did you mean", longId.BodyText, StringComparison.Ordinal);
        Assert.Equal(404, typo.Status);
        Assert.Contains("Did you mean 'dehydration'", typo.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedRequestLinesAreAnsweredByKestrelBeforeTheApi()
    {
        // These break RFC 9112's request-target grammar (or, for %00, Kestrel's path decoding), so Kestrel
        // answers them itself with an empty 400 before any middleware, and so any ProblemDetails writer,
        // can run. The fuzz run lists the ones it generates; this pins the behaviour and proves the
        // requests never reach the API: its request log has no line for them, but has one for a control.
        var probe = $"/api/v1/kestrel-probe-{Guid.NewGuid():N}";
        string[] targets = [$"{probe}?q=a\u0000b", $"{probe}?q=a b", $"{probe}?q=\u00FF", $"{probe}?q=a\nb", $"{probe}/%00", $"{probe}/\u00C3\u0028"];
        var control = $"/api/v1/kestrel-control-{Guid.NewGuid():N}";
        var answers = new List<string>();

        foreach (var line in targets)
        {
            var response = await target.Raw.SendAsync(RawRequest.Of("GET", line));
            if (!response.IsBareServerRejection)
            {
                answers.Add($"{WireText.Escape(Encoding.Latin1.GetBytes(line), 200)} → {response.StatusLine}, {response.Header("Content-Type")}");
            }
        }

        var controlResponse = await target.Raw.SendAsync(RawRequest.Of("GET", control));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(404, controlResponse.Status);
        Assert.Contains(control, target.Api.Output, StringComparison.Ordinal);
        Assert.True(answers.Count == 0, "Not refused by Kestrel itself:\n" + string.Join("\n", answers));
        Assert.DoesNotContain(probe, target.Api.Output, StringComparison.Ordinal);
    }

    private string ExamplePath(ApiOperation operation)
    {
        var path = operation.Path;
        foreach (var parameter in operation.PathParameters)
        {
            path = path.Replace("{" + parameter.Name + "}", target.Live.Ids[operation.Collection][0], StringComparison.Ordinal);
        }

        return path;
    }
}
