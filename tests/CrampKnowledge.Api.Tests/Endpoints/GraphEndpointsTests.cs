using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Endpoints;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Tests.Endpoints;

public sealed class GraphEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly (string List, string From, string FromType, string To, string ToType, string Relation)[] LinkLists =
    [
        ("causeTreatments", "cause", "cause", "treatment", "treatment", "treated-by"),
        ("causePreventions", "cause", "cause", "prevention", "prevention", "prevented-by"),
        ("causeRedFlags", "cause", "cause", "redFlag", "red-flag", "warning-sign"),
        ("treatmentCautions", "treatment", "treatment", "redFlag", "red-flag", "caution"),
    ];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task EveryRecordIsANodeAndEveryLinkAnEdgeWithItsCitationCount()
    {
        var expectedNodes = TestJson.RecordPlurals.SelectMany(p => TestJson.SeedRecords(p).Select(r => $"{p[..^1]}:{r.Text("id")}")).ToHashSet();
        var expectedEdges = LinkLists.SelectMany(l => TestJson.SeedLinks(l.List, l.From, l.To)
            .Select(link => ($"{l.FromType}:{link.From}", $"{l.ToType}:{link.To}", l.Relation, link.Citations.GetArrayLength()))).ToHashSet();

        var graph = await _client.GetOkAsync("/api/v1/graph");

        var nodes = graph.GetProperty("nodes").EnumerateArray().Select(n => n.Text("key")).ToList();
        Assert.Equal(nodes.Count, nodes.Distinct().Count());
        Assert.Equal(expectedNodes, nodes.ToHashSet());
        var edges = graph.GetProperty("edges").EnumerateArray()
            .Select(e => (e.Text("from"), e.Text("to"), e.Text("relation"), e.GetProperty("citationCount").GetInt32())).ToHashSet();
        Assert.Equal(expectedEdges, edges);
        Assert.Equal(RecordChecks.Disclaimer, graph.Text("disclaimer"));
        Assert.False(graph.GetProperty("nodes")[0].TryGetProperty("citations", out _));
    }

    [Fact]
    public async Task CitationsTrueCarriesEveryQuote()
    {
        var graph = await _client.GetOkAsync("/api/v1/graph?citations=true");

        foreach (var edge in graph.GetProperty("edges").EnumerateArray())
        {
            Assert.Equal(edge.GetProperty("citationCount").GetInt32(), edge.GetProperty("citations").GetArrayLength());
        }

        var dehydration = graph.GetProperty("nodes").EnumerateArray().Single(n => n.Text("key") == "cause:dehydration");
        var seed = TestJson.SeedRecords("causes").Single(r => r.Text("id") == "dehydration");
        Assert.Equal(seed.GetProperty("citations").CitationKeys(), dehydration.GetProperty("citations").CitationKeys());
    }

    [Fact]
    public async Task AnEdgeCarriesItsLinksBasisExactlyWhenTheSeedGivesOne()
    {
        var expected = LinkLists.SelectMany(l => TestJson.ReadSeed("links.json").GetProperty(l.List).EnumerateArray()
            .Select(link => (Key: ($"{l.FromType}:{link.Text(l.From)}", $"{l.ToType}:{link.Text(l.To)}"),
                Basis: link.TryGetProperty("basis", out var b) ? b.GetString() : null)))
            .ToDictionary(e => e.Key, e => e.Basis);

        var graph = await _client.GetOkAsync("/api/v1/graph");

        var edges = graph.GetProperty("edges").EnumerateArray().ToList();
        Assert.All(edges, e => Assert.Equal(
            expected[(e.Text("from"), e.Text("to"))], e.TryGetProperty("basis", out var basis) ? basis.GetString() : null));
        Assert.Contains(edges, e => e.TryGetProperty("basis", out _));
    }

    [Fact]
    public async Task RedFlagNodesCarryTheirUrgency()
    {
        var graph = await _client.GetOkAsync("/api/v1/graph");

        var redFlags = graph.GetProperty("nodes").EnumerateArray().Where(n => n.Text("type") == "red-flag").ToList();
        Assert.NotEmpty(redFlags);
        Assert.All(redFlags, n => Assert.False(string.IsNullOrEmpty(n.Text("urgency"))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheKeptAnswerIsWhatTheSerializerWritesForTheSnapshotsGraph(bool withCitations)
    {
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var snapshot = factory.Services.GetRequiredService<KnowledgeSnapshot>();
        var expected = JsonSerializer.SerializeToUtf8Bytes(snapshot.Graph(withCitations), options);

        var first = await _client.GetByteArrayAsync(new Uri($"/api/v1/graph?citations={(withCitations ? "true" : "false")}", UriKind.Relative));
        var second = await _client.GetByteArrayAsync(new Uri(withCitations ? "/api/v1/graph?citations=true" : "/api/v1/graph", UriKind.Relative));

        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        // Serialized once per form and kept.
        var graphJson = factory.Services.GetRequiredService<GraphJson>();
        Assert.Same(graphJson.Body(withCitations), graphJson.Body(withCitations));
    }

    [Fact]
    public void SerializingInTwoPassesGivesTheSerializersBytesInAnArrayOfTheirLength()
    {
        var options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var typeInfo = (JsonTypeInfo<KnowledgeGraph>)options.GetTypeInfo(typeof(KnowledgeGraph));
        var graph = factory.Services.GetRequiredService<KnowledgeSnapshot>().Graph(withCitations: true);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(graph, typeInfo), GraphJson.Serialize(graph, typeInfo));
    }

    [Fact]
    public async Task ANonBooleanCitationsFlagIsA400()
    {
        var problem = await _client.GetProblemAsync("/api/v1/graph?citations=maybe", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("citations", out _));
    }
}
