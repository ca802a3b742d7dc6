using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace CrampKnowledge.Api.Contracts;

/// <summary>The whole knowledge base as a graph: every record a node, every link an edge.</summary>
public sealed record KnowledgeGraph(
    string ContentVersion, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, string Disclaimer);

public sealed record GraphNode(
    [property: Description("Unique across types: `type:id`, e.g. `cause:dehydration`.")] string Key,
    string Type, string Id, string Name, string Category, string Summary, IReadOnlyList<string> Aliases, int SourceCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Urgency,
    [property: Description("Only with `citations=true`.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Citation>? Citations);

public sealed record GraphEdge(
    [property: Description("Key of the node the link starts at.")] string From,
    [property: Description("Key of the node the link ends at.")] string To,
    [property: Description("treated-by (cause→treatment), prevented-by (cause→prevention), warning-sign (cause→red flag) or caution (treatment→red flag).")] string Relation,
    int CitationCount,
    [property: Description("Only with `citations=true`.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Citation>? Citations,
    [property: Description("Only on links whose quotes do not name both ends: a reviewed note on why the quotes connect them.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Basis = null);

public sealed record GraphQuery
{
    [Description("Include every node's and edge's citations (a larger response, for bots that load the whole base).")]
    [FromQuery(Name = "citations")] public bool? Citations { get; init; }
}
