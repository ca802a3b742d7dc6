using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Endpoints;

public static class GraphEndpoints
{
    public static RouteGroupBuilder MapGraphEndpoints(this IEndpointRouteBuilder app)
    {
        var graph = app.MapGroup("/api/v1/graph").WithTags("Graph");

        graph.MapGet("/", GetGraph).WithName(nameof(GetGraph))
            .WithSummary("The whole knowledge base as nodes and edges.")
            .WithDescription("Every cause, treatment, prevention and red flag is a node keyed `type:id`; every sourced link is an edge with its "
                + "`relation` and `citationCount`. For visualisation, and for bots that load the whole base at once: add `citations=true` "
                + "to get every quote too.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return graph;
    }

    private static SerializedJsonOk<KnowledgeGraph> GetGraph([AsParameters] GraphQuery query, GraphJson graph) =>
        new(graph.Body(query.Citations ?? false));
}
