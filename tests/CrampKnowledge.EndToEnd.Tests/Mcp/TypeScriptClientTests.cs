using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrampKnowledge.EndToEnd.Tests.ScaleOut;

namespace CrampKnowledge.EndToEnd.Tests.Mcp;

/// <summary>
/// The MCP server through an independent client, the official TypeScript SDK, against the real API process: what an
/// agent builder's own agent would see. Each tool's answer equals the HTTP API's for the same question, asked of the
/// same process. (Through nginx: ScaleOut/ProxyTests.)
/// </summary>
public sealed class TypeScriptClientTests
{
    public const string Question = "why do my legs cramp at night";
    public const string Description = "I get calf cramps most nights for months and I don't have any swelling";

    /// <summary>What the session asks: one call of each tool, bad arguments, an unknown tool and id, two reads and a prompt.</summary>
    public static JsonObject Plan(string? origin = null)
    {
        var plan = JsonNode.Parse($$"""
            {
              "calls": [
                { "tool": "search_knowledge", "arguments": { "q": "{{Question}}" } },
                { "tool": "get_record", "arguments": { "type": "cause", "id": "dehydration" } },
                { "tool": "get_related", "arguments": { "type": "cause", "id": "dehydration", "relation": "treatments" } },
                { "tool": "check_red_flags", "arguments": { "description": "{{Description}}" } },
                { "tool": "list_red_flag_rules", "arguments": {} },
                { "tool": "search_knowledge", "arguments": { "q": "cramp", "limit": 99 } },
                { "tool": "diagnose", "arguments": {} },
                { "tool": "get_record", "arguments": { "type": "cause", "id": "dehydratoin" } }
              ],
              "reads": [ "crampknowledge://causes/dehydration", "crampknowledge://sources/prairie-path", "crampknowledge://symptoms/numbness" ],
              "prompt": { "name": "answer_cramp_question", "arguments": { "question": "Is quinine safe?" } }
            }
            """)!.AsObject();
        if (origin is not null)
        {
            plan["origin"] = origin;
        }

        return plan;
    }

    [RequiresToolsFact(TypeScriptSession.Node)]
    public async Task TheTypeScriptSdkGetsTheHttpApisAnswersFromEveryTool()
    {
        using var temp = new TempFolder();
        await using var api = await ApiProcess.StartAsync(temp.File("knowledge.db"));

        var session = await TypeScriptSession.RunAsync(new Uri(api.BaseAddress, "/mcp"), Plan());

        await AssertSessionAsync(session, api.Client);
        // The request log has each MCP request, as for any other request (its body never).
        for (var attempt = 0; attempt < 50 && !api.Output.Contains("/mcp", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("/mcp", api.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Description, api.Output, StringComparison.Ordinal);
        // One request log line per request: the SDK's own three Information lines per call are turned down.
        Assert.DoesNotContain("ModelContextProtocol.Server", api.Output, StringComparison.Ordinal);
    }

    /// <summary>What a session must show, wherever it ran (straight to a replica or through nginx).</summary>
    public static async Task AssertSessionAsync(JsonElement session, HttpClient http)
    {
        Assert.False(session.GetProperty("connected").TryGetProperty("error", out var connectError), $"connect: {connectError}");
        Assert.Equal("CrampKnowledge", session.GetProperty("server").GetProperty("name").GetString());

        var tools = session.GetProperty("tools").Ok("tools/list").EnumerateArray().ToList();
        Assert.Equal(["check_red_flags", "get_record", "get_related", "list_red_flag_rules", "search_knowledge"],
            tools.Select(t => t.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(tools, t =>
        {
            Assert.True(t.GetProperty("annotations").GetProperty("readOnlyHint").GetBoolean());
            Assert.Equal("object", t.GetProperty("outputSchema").GetProperty("type").GetString());
        });

        var calls = session.GetProperty("calls").EnumerateArray().ToList();
        var expected = new[]
        {
            await http.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(Question)}"),
            await http.GetFromJsonAsync<JsonElement>("/api/v1/causes/dehydration"),
            await http.GetFromJsonAsync<JsonElement>("/api/v1/causes/dehydration/treatments"),
            await PostAsync(http, "/api/v1/red-flags/check", $$"""{"description":"{{Description}}"}"""),
            await http.GetFromJsonAsync<JsonElement>("/api/v1/red-flags/rules"),
        };
        for (var i = 0; i < expected.Length; i++)
        {
            var result = calls[i].Ok($"call {i}");
            Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), $"call {i}: {result}");
            var structured = result.GetProperty("structuredContent");
            var answer = i == 1 ? structured.GetProperty("cause") : structured;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[i].GetRawText()), JsonNode.Parse(answer.GetRawText())),
                $"call {i} answered differently from the HTTP API:\n{answer.GetRawText()[..Math.Min(400, answer.GetRawText().Length)]}");
            var text = result.GetProperty("content")[0].GetProperty("text").GetString()!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(structured.GetRawText())), $"call {i}: the text is not the structured content");
        }

        var check = calls[3].Ok("check").GetProperty("structuredContent");
        Assert.Equal("soon", check.GetProperty("seeDoctor").GetString());
        Assert.Contains(check.GetProperty("matches").EnumerateArray(), m => m.GetProperty("id").GetString() == "persistent-cramps");

        var badArgument = calls[5].Error("limit 99");
        Assert.Equal(-32602, badArgument.GetProperty("code").GetInt32());
        Assert.Contains("'limit' must be between 1 and 50", badArgument.GetProperty("message").GetString(), StringComparison.Ordinal);
        var unknownTool = calls[6].Error("an unknown tool");
        Assert.Contains("diagnose", unknownTool.GetProperty("message").GetString(), StringComparison.Ordinal);
        var unknownId = calls[7].Ok("an unknown id");
        Assert.True(unknownId.GetProperty("isError").GetBoolean());
        Assert.Contains("Did you mean 'dehydration'?", unknownId.GetProperty("content")[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        var reads = session.GetProperty("reads").EnumerateArray().ToList();
        var record = reads[0].Ok("read a record").GetProperty("contents")[0];
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected[1].GetRawText()), JsonNode.Parse(record.GetProperty("text").GetString()!)));
        var article = reads[1].Ok("read an article").GetProperty("contents")[0];
        Assert.Equal("text/plain", article.GetProperty("mimeType").GetString());
        Assert.Equal(await File.ReadAllTextAsync(RepositoryRoot.File("seed-data", "sources", "000_f04b636e8860455a.txt")), article.GetProperty("text").GetString());
        Assert.Contains("crampknowledge://symptoms/numbness", reads[2].Error("an unknown resource").GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.True(session.GetProperty("resources").Ok("resources/list").GetArrayLength() > 90);
        Assert.Equal(5, session.GetProperty("resourceTemplates").Ok("resources/templates/list").GetArrayLength());
        var prompt = session.GetProperty("prompt").Ok("prompts/get").GetProperty("messages")[0].GetProperty("content").GetProperty("text").GetString()!;
        Assert.EndsWith("Question: Is quinine safe?", prompt, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string path, string body)
    {
        using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
