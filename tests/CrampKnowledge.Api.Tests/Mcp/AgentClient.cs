using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace CrampKnowledge.Api.Tests.Mcp;

/// <summary>The C# SDK's own MCP client, connected to the in-process API over Streamable HTTP.</summary>
internal static class AgentClient
{
    public static Task<McpClient> ConnectAsync<TProgram>(WebApplicationFactory<TProgram> factory) where TProgram : class
    {
        var http = factory.CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            http, ownsHttpClient: true);
        // The first request to a fresh test host waits for its knowledge base to load (KnowledgeBaseGate); with the suite's
        // classes running in parallel that took more than the client's 5 s window for server/discover, which it then
        // abandoned (a 499 answer and a failed connect, about one run in five).
        return McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new() { Name = "CrampKnowledge.Api.Tests", Version = "1.0" },
            DiscoverProbeTimeout = TimeSpan.FromSeconds(60),
        });
    }

    public static Task<CallToolResult> CallAsync(this McpClient client, string tool, object arguments) =>
        client.CallToolAsync(tool, JsonSerializer.SerializeToElement(arguments).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value)).AsTask();

    /// <summary>The tool's structured content, after checking that it is the same JSON as its text content.</summary>
    public static JsonElement Structured(this CallToolResult result)
    {
        Assert.NotEqual(true, result.IsError);
        var structured = Assert.IsType<JsonElement>(result.StructuredContent);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        AssertSameJson(structured, JsonDocument.Parse(text).RootElement);
        return structured;
    }

    public static void AssertSameJson(JsonElement expected, JsonElement actual, string? because = null) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.GetRawText()), JsonNode.Parse(actual.GetRawText())),
            $"{because ?? "The JSON differs"}.\nexpected: {Shorten(expected)}\nactual:   {Shorten(actual)}");

    private static string Shorten(JsonElement json)
    {
        var text = json.GetRawText();
        return text.Length <= 600 ? text : text[..600] + "…";
    }
}
