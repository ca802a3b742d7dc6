using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CrampKnowledge.Api.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace CrampKnowledge.Api.Tests.Mcp;

/// <summary>/mcp behind the API's HTTP behaviour: Origin checks against DNS rebinding, rate limits, size limits, switching it off.</summary>
public sealed class AgentHttpBehaviourTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string ListTools = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";

    [Fact]
    public async Task ABrowserOriginNotAllowedGets403WithAJsonRpcError()
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(McpPost(ListTools, origin: "http://attacker.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Contains("http://attacker.example", error.Text("message"), StringComparison.Ordinal);
        Assert.Contains("Mcp:AllowedOrigins", error.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAllowedOriginIsServedAndGetsCorsHeaders()
    {
        using var configured = new ConfiguredApiFactory(new Dictionary<string, string> { ["Mcp:AllowedOrigins:0"] = "https://agent.example" });
        using var client = configured.CreateClient();

        using var allowed = await client.SendAsync(McpPost(ListTools, origin: "https://agent.example"));
        using var other = await client.SendAsync(McpPost(ListTools, origin: "https://agent.example.attacker.example"));
        using var preflight = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/mcp")
        {
            Headers = { { "Origin", "https://agent.example" }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "content-type,mcp-protocol-version" } },
        });

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("https://agent.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("search_knowledge", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("https://agent.example", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task TheApisCorsPolicyDoesNotOpenMcpToEveryOrigin()
    {
        using var client = factory.CreateClient();

        using var preflight = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/mcp")
        {
            Headers = { { "Origin", "http://attacker.example" }, { "Access-Control-Request-Method", "POST" } },
        });

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AgentsWithoutAnOriginAreServed()
    {
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(McpPost(ListTools));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheRateLimitCountsMcpRequests()
    {
        using var limited = new ConfiguredApiFactory(new Dictionary<string, string>
        {
            ["Http:RateLimit:Enabled"] = "true",
            ["Http:RateLimit:PermitLimit"] = "3",
            ["Http:RateLimit:WindowSeconds"] = "30",
        });
        using var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.SendAsync(McpPost(ListTools));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AnOversizedMcpBodyIsA413()
    {
        using var client = factory.CreateClient();
        var huge = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"search_knowledge","arguments":{"q":" """.TrimEnd()
            + new string('a', 70_000) + "\"}}}";

        using var response = await client.SendAsync(McpPost(huge));

        await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ReadinessIncludesTheMcpServer()
    {
        using var client = factory.CreateClient();

        var ready = await client.GetOkAsync("/health/ready");

        var agents = ready.GetProperty("checks").GetProperty("agents");
        Assert.Equal("Healthy", agents.Text("status"));
        Assert.Equal("MCP at /mcp: 5 tools, 5 resource templates, 2 prompts.", agents.Text("description"));
    }

    [Fact]
    public async Task McpCanBeSwitchedOff()
    {
        using var off = new ConfiguredApiFactory(new Dictionary<string, string> { ["Mcp:Enabled"] = "false" });
        using var client = off.CreateClient();

        using var response = await client.SendAsync(McpPost(ListTools));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EveryRequestsServerSharesTheOptionsBuiltOnceAndListsEachToolOnce()
    {
        using var client = factory.CreateClient();
        var options = factory.Services.GetRequiredService<IOptionsFactory<McpServerOptions>>();

        var lists = new List<string[]>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(McpPost(ListTools));
            var body = await response.Content.ReadAsStringAsync();
            var data = body.Split('\n').Single(line => line.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
            lists.Add([.. JsonDocument.Parse(data).RootElement.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.Text("name"))]);
        }

        Assert.Same(options.Create(Options.DefaultName), options.Create(Options.DefaultName));
        Assert.Equal(options.Create(Options.DefaultName).ToolCollection!.Select(t => t.ProtocolTool.Name).Order(), lists[0].Order());
        Assert.All(lists, names => Assert.Equal(lists[0], names));
        Assert.Equal(lists[0].Distinct().Count(), lists[0].Length);
    }

    private static HttpRequestMessage McpPost(string body, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }
}
