using System.Text.Json;
using ModelContextProtocol;
using CrampKnowledge.Api.Tests.Endpoints;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace CrampKnowledge.Api.Tests.Mcp;

/// <summary>Every record and article as an MCP resource, and the prompts, through the C# SDK's client.</summary>
public sealed class AgentResourcesTests(ApiFactory factory) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _http = factory.CreateClient();
    private McpClient _agent = null!;

    public async Task InitializeAsync() => _agent = await AgentClient.ConnectAsync(factory);

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task EveryRecordAndSourceIsListedAndReadsAsItsHttpDetail()
    {
        var resources = await _agent.ListResourcesAsync();

        var expected = new List<string>();
        foreach (var plural in TestJson.RecordPlurals.Append("sources"))
        {
            expected.AddRange((await ListChecks.GetAllAsync(_http, $"/api/v1/{plural}")).ItemIds().Select(id => $"crampknowledge://{plural}/{id}"));
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), resources.Select(r => r.Uri).Order(StringComparer.Ordinal));
        foreach (var resource in resources.Where(r => !r.Uri.StartsWith("crampknowledge://sources/", StringComparison.Ordinal)))
        {
            var http = await _http.GetOkAsync("/api/v1/" + resource.Uri["crampknowledge://".Length..]);

            var read = await _agent.ReadResourceAsync(resource.Uri);

            var contents = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
            Assert.Equal("application/json", contents.MimeType);
            Assert.Equal(resource.Uri, contents.Uri);
            Assert.Equal(http.GetProperty("name").GetString(), resource.Title);
            AgentClient.AssertSameJson(http, JsonDocument.Parse(contents.Text).RootElement, resource.Uri);
        }
    }

    [Fact]
    public async Task ASourceResourceIsTheArticleTextUnedited()
    {
        var sources = TestJson.ReadSeed("sources.json").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var id = source.Text("id");
            var file = Path.Combine(TestJson.SeedDirectory, source.Text("file"));

            var read = await _agent.ReadResourceAsync($"crampknowledge://sources/{id}");

            var contents = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
            Assert.Equal("text/plain", contents.MimeType);
            Assert.Equal(await File.ReadAllTextAsync(file), contents.Text);
        }
    }

    [Fact]
    public async Task TemplatesCoverEveryKindAndTheArticles()
    {
        var templates = await _agent.ListResourceTemplatesAsync();

        Assert.Equal(
            ["crampknowledge://causes/{id}", "crampknowledge://preventions/{id}", "crampknowledge://red-flags/{id}",
                "crampknowledge://sources/{id}", "crampknowledge://treatments/{id}"],
            templates.Select(t => t.UriTemplate).Order(StringComparer.Ordinal));
        Assert.All(templates, t => Assert.False(string.IsNullOrWhiteSpace(t.ProtocolResourceTemplate.Description)));
    }

    [Theory]
    [InlineData("crampknowledge://causes/dehydratoin", "Did you mean 'dehydration'?")]
    [InlineData("crampknowledge://sources/nhs", "No source has the id 'nhs'.")]
    [InlineData("crampknowledge://symptoms/numbness", "crampknowledge://symptoms/numbness")]
    [InlineData("https://example.com/causes/dehydration", "https://example.com/causes/dehydration")]
    public async Task AnUnknownResourceIsAClearError(string uri, string expected)
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => _agent.ReadResourceAsync(uri).AsTask());

        // The code the protocol revision gives a missing resource: -32002 up to 2025-11-25, -32602 from 2026-07-28.
        var expectedCode = string.CompareOrdinal(_agent.NegotiatedProtocolVersion, "2026-07-28") >= 0
            ? McpErrorCode.InvalidParams : McpErrorCode.ResourceNotFound;
        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAnswerPromptAsksForCitedFactsAndRedFlags()
    {
        var prompts = await _agent.ListPromptsAsync();
        Assert.Contains(prompts, p => p.Name == "answer_cramp_question");
        Assert.Contains(prompts, p => p.Name == "check_symptoms");

        var prompt = await _agent.GetPromptAsync("answer_cramp_question", new Dictionary<string, object?> { ["question"] = "Is quinine safe for night cramps?" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.EndsWith("Question: Is quinine safe for night cramps?", text, StringComparison.Ordinal);
        foreach (var phrase in new[] { "search_knowledge", "check_red_flags", "Never drop a red flag", "verbatim quote", "do not guess", "disclaimer" })
        {
            Assert.Contains(phrase, text, StringComparison.Ordinal);
        }
    }
}
