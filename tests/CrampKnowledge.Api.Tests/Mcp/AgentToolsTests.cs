using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol;
using CrampKnowledge.Api.Tests.Endpoints;
using ModelContextProtocol.Client;

namespace CrampKnowledge.Api.Tests.Mcp;

/// <summary>
/// The MCP tools through the C# SDK's client: each answers exactly what the HTTP API answers to the same question,
/// and bad arguments are JSON-RPC errors that name the argument.
/// </summary>
public sealed class AgentToolsTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly string[] TreatmentsAndSources = ["treatment", "source"];
    private readonly HttpClient _http = factory.CreateClient();
    private McpClient _agent = null!;
    private Dictionary<string, Json.Schema.JsonSchema> _outputSchemas = [];

    public async Task InitializeAsync()
    {
        _agent = await AgentClient.ConnectAsync(factory);
        // Every answer below is also checked against its tool's declared output schema, by an independent validator.
        _outputSchemas = (await _agent.ListToolsAsync()).ToDictionary(
            t => t.Name,
            t => Json.Schema.JsonSchema.FromText(t.ProtocolTool.OutputSchema!.Value.GetRawText(), new Json.Schema.BuildOptions { SchemaRegistry = new() }, new Uri($"urn:tool:{t.Name}")));
    }

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task EveryToolIsReadOnlyWithInputLimitsAndAnOutputSchema()
    {
        var tools = await _agent.ListToolsAsync();

        Assert.Equal(
            ["check_red_flags", "get_record", "get_related", "list_red_flag_rules", "search_knowledge"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            Assert.True(tool.Annotations?.ReadOnlyHint, $"{tool.Name} is not marked read-only");
            Assert.False(tool.Annotations?.DestructiveHint, $"{tool.Name} may be destructive");
            Assert.False(tool.Annotations?.OpenWorldHint, $"{tool.Name} is open-world");
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), $"{tool.Name} has no description");
            Assert.False(tool.InputSchema.GetProperty("additionalProperties").GetBoolean(), $"{tool.Name} accepts any argument");
            Assert.Equal("object", tool.OutputSchema?.GetProperty("type").GetString());
            Assert.True(tool.OutputSchema!.Value.GetProperty("properties").TryGetProperty("disclaimer", out _), $"{tool.Name}'s answer has no disclaimer");
        }

        var search = tools.Single(t => t.Name == "search_knowledge").ProtocolTool.InputSchema.GetProperty("properties");
        Assert.Equal(200, search.GetProperty("q").GetProperty("maxLength").GetInt32());
        Assert.Equal(1, search.GetProperty("limit").GetProperty("minimum").GetInt32());
        Assert.Equal(50, search.GetProperty("limit").GetProperty("maximum").GetInt32());
        var check = tools.Single(t => t.Name == "check_red_flags").ProtocolTool.InputSchema.GetProperty("properties");
        Assert.Equal(["once", "occasionally", "often", "daily"], check.GetProperty("frequency").GetProperty("enum").Texts());
        Assert.Equal(2000, check.GetProperty("description").GetProperty("maxLength").GetInt32());
    }

    [Theory]
    [InlineData("why do my legs cramp at night")]
    [InlineData("water pills")]
    [InlineData("charley horse in my calf most nights for months")]
    [InlineData("I don't have diabetes but my feet cramp")]
    [InlineData("can cramps be a sign of ALS")]
    [InlineData("stretchs")]
    public async Task SearchAnswersAsGetSearch(string question)
    {
        var http = await _http.GetOkAsync($"/api/v1/search?q={Uri.EscapeDataString(question)}");

        var tool = await CallCheckedAsync("search_knowledge", new { q = question });

        AgentClient.AssertSameJson(http, tool, question);
    }

    [Fact]
    public async Task SearchTakesTypesAndLimitAsGetSearchDoes()
    {
        var http = await _http.GetOkAsync("/api/v1/search?q=magnesium&types=treatment,source&limit=3");

        var tool = await CallCheckedAsync("search_knowledge", new { q = "magnesium", types = TreatmentsAndSources, limit = 3 });

        AgentClient.AssertSameJson(http, tool);
        Assert.Equal(3, tool.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task GetRecordAnswersEveryRecordAndSourceAsItsHttpDetail()
    {
        foreach (var (type, plural) in new[] { ("cause", "causes"), ("treatment", "treatments"), ("prevention", "preventions"), ("red-flag", "red-flags"), ("source", "sources") })
        {
            var list = await ListAllAsync($"/api/v1/{plural}");
            Assert.NotEmpty(list);
            foreach (var id in list)
            {
                var http = await _http.GetOkAsync($"/api/v1/{plural}/{id}");

                var answer = await CallCheckedAsync("get_record", new { type, id });

                Assert.Equal(type, answer.Text("type"));
                var field = type == "red-flag" ? "redFlag" : type;
                AgentClient.AssertSameJson(http, answer.GetProperty(field), $"{type} {id}");
                Assert.Equal($"crampknowledge://{plural}/{id}", answer.Text("resourceUri"));
                Assert.Equal(RecordChecks.Disclaimer, answer.Text("disclaimer"));
                Assert.Equal(4, answer.EnumerateObject().Count());
            }
        }
    }

    [Theory]
    [InlineData("cause", "treatments", "causes", "treatments")]
    [InlineData("cause", "preventions", "causes", "preventions")]
    [InlineData("cause", "red-flags", "causes", "red-flags")]
    [InlineData("treatment", "causes", "treatments", "causes")]
    [InlineData("treatment", "cautions", "treatments", "cautions")]
    [InlineData("prevention", "causes", "preventions", "causes")]
    [InlineData("red-flag", "causes", "red-flags", "causes")]
    public async Task GetRelatedAnswersAsTheHttpSubResource(string type, string relation, string plural, string segment)
    {
        foreach (var id in await ListAllAsync($"/api/v1/{plural}"))
        {
            var http = await _http.GetOkAsync($"/api/v1/{plural}/{id}/{segment}");

            var tool = await CallCheckedAsync("get_related", new { type, id, relation });

            AgentClient.AssertSameJson(http, tool, $"{type} {id} {relation}");
        }
    }

    [Fact]
    public async Task ARedFlagsTreatmentsAreTheTreatmentsItsDetailLinks()
    {
        foreach (var id in await ListAllAsync("/api/v1/red-flags"))
        {
            var detail = await _http.GetOkAsync($"/api/v1/red-flags/{id}");

            var tool = await CallCheckedAsync("get_related", new { type = "red-flag", id, relation = "treatments" });

            AgentClient.AssertSameJson(detail.GetProperty("treatments"), tool.GetProperty("items"), id);
        }
    }

    public static TheoryData<string> CheckBodies() => new()
    {
        """{"description":"I get cramps several times a week and my legs hurt when I walk","frequency":"often","painWhenWalking":true}""",
        """{"description":"I don't have any swelling, just a cramp in my calf most nights for months"}""",
        """{"description":"my calf is swollen, red and warm after a long flight"}""",
        """{"description":"Cramp in my foot last night. No pain now."}""",
        """{"description":"my toes go numb and tingle"}""",
        """{"conditions":["kidney disease","diabets"],"medications":["water pills"]}""",
        """{"severity":"severe","duration":"hours","suddenPain":true}""",
    };

    [Theory]
    [MemberData(nameof(CheckBodies))]
    public async Task CheckRedFlagsAnswersAsThePost(string body)
    {
        using var response = await _http.PostAsync("/api/v1/red-flags/check", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var http = await response.Content.ReadFromJsonAsync<JsonElement>();

        var tool = await CallCheckedAsync("check_red_flags", JsonDocument.Parse(body).RootElement);

        AgentClient.AssertSameJson(http, tool, body);
    }

    [Fact]
    public async Task CheckRedFlagsSaysUnknownAndNeverAllClearForWhatItCannotAssess()
    {
        var tool = (await _agent.CallAsync("check_red_flags", new { description = "my toes go numb and tingle" })).Structured();

        Assert.Equal("unknown", tool.Text("seeDoctor"));
        Assert.Contains("numb", tool.GetProperty("unassessed").Texts());
        Assert.Contains("not an all-clear", tool.Text("note"), StringComparison.Ordinal);
    }

    // What an agent is told when the sources are silent reaches it through the tools too: a none is never bare, and a
    // search whose words the articles never mention says so beside its hits.
    [Fact]
    public async Task AnAgentGetsTheNotesWhereTheSourcesAreSilent()
    {
        var check = (await _agent.CallAsync("check_red_flags", new { description = "a cramp every couple of weeks that is gone in under a minute" })).Structured();
        var search = (await _agent.CallAsync("search_knowledge", new { q = "do cramps mean I have a blood clot" })).Structured();

        Assert.Equal("none", check.Text("seeDoctor"));
        Assert.Contains("not an all-clear", check.Text("note"), StringComparison.Ordinal);
        Assert.Contains("clot", search.GetProperty("unmatchedTerms").Texts());
        Assert.NotEqual(0, search.GetProperty("hits").GetArrayLength());
        Assert.Contains("“clot”", search.Text("note"), StringComparison.Ordinal);
        Assert.Contains("no reassurance", search.Text("note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRedFlagRulesAnswersAsGetRules()
    {
        var http = await _http.GetOkAsync("/api/v1/red-flags/rules");

        var tool = await CallCheckedAsync("list_red_flag_rules", new { });

        AgentClient.AssertSameJson(http, tool);
    }

    public static TheoryData<string, string, string> BadArguments() => new()
    {
        { "search_knowledge", """{}""", "'q' is required" },
        { "search_knowledge", """{"q":"   "}""", "q is required" },
        { "search_knowledge", $$"""{"q":"{{new string('a', 201)}}"}""", "'q' must be 200 characters or fewer" },
        { "search_knowledge", """{"q":"cramp","limit":0}""", "'limit' must be between 1 and 50" },
        { "search_knowledge", """{"q":"cramp","limit":51}""", "'limit' must be between 1 and 50" },
        { "search_knowledge", """{"q":"cramp","limit":"ten"}""", "'limit' has the wrong type" },
        { "search_knowledge", """{"q":"cramp","types":["disease"]}""", "'disease' is not a type" },
        { "search_knowledge", """{"query":"cramp"}""", "'query' is not an argument of search_knowledge" },
        { "get_record", """{"type":"symptom","id":"x"}""", "'symptom' is not a type" },
        { "get_record", """{"type":"cause"}""", "'id' is required" },
        { "get_record", """{"type":"cause","id":""}""", "'id' must not be empty" },
        { "get_related", """{"type":"prevention","id":"stretching","relation":"treatments"}""", "A prevention has no relation 'treatments'" },
        { "check_red_flags", """{}""", "Describe the cramps in description" },
        { "check_red_flags", """{"frequency":"sometimes"}""", "frequency" },
        { "check_red_flags", """{"description":"cramp","swelling":true}""", "'swelling' is not an argument of check_red_flags" },
        { "check_red_flags", $$"""{"description":"{{new string('a', 2001)}}"}""", "'description' must be 2000 characters or fewer" },
        { "check_red_flags", """{"suddenPain":"yes"}""", "'suddenPain' has the wrong type" },
        { "list_red_flag_rules", """{"all":true}""", "'all' is not an argument of list_red_flag_rules; it takes none" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task BadArgumentsAreAJsonRpcErrorNamingTheArgument(string tool, string arguments, string expected)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => _agent.CallAsync(tool, JsonDocument.Parse(arguments).RootElement));

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLongestQuestionTheSchemaAllowsIsAnswered()
    {
        var question = string.Join(' ', Enumerable.Repeat("cramp", 40))[..200];

        var answer = await CallCheckedAsync("search_knowledge", new { q = question });

        Assert.Equal(question, answer.Text("query"));
    }

    [Theory]
    [InlineData("get_record", """{"type":"cause","id":"dehydratoin"}""", "No cause has the id 'dehydratoin'. Did you mean 'dehydration'?")]
    [InlineData("get_record", """{"type":"source","id":"nhs"}""", "No source has the id 'nhs'.")]
    [InlineData("get_related", """{"type":"treatment","id":"quinnine","relation":"cautions"}""", "No treatment has the id 'quinnine'.")]
    public async Task AnUnknownIdIsAToolErrorThatSuggestsTheNearestIds(string tool, string arguments, string expected)
    {
        var result = await _agent.CallAsync(tool, JsonDocument.Parse(arguments).RootElement);

        Assert.True(result.IsError);
        Assert.Null(result.StructuredContent);
        var text = Assert.IsType<ModelContextProtocol.Protocol.TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownToolIsAClearError()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => _agent.CallAsync("diagnose", new { q = "cramp" }));

        Assert.Contains("diagnose", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Calls a tool and returns its structured content, after checking it against the tool's output schema.</summary>
    private async Task<JsonElement> CallCheckedAsync(string tool, object arguments)
    {
        var structured = (await _agent.CallAsync(tool, arguments)).Structured();
        var results = _outputSchemas[tool].Evaluate(structured, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(results.IsValid, $"{tool}'s answer breaks its output schema: "
            + string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5)));
        return structured;
    }

    private async Task<List<string>> ListAllAsync(string path) =>
        (await ListChecks.GetAllAsync(_http, path)).ItemIds();
}
