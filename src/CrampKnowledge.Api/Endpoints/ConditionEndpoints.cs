using System.Text.Json.Nodes;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CrampKnowledge.Api.Endpoints;

public static class ConditionEndpoints
{
    public static RouteGroupBuilder MapConditionEndpoints(this IEndpointRouteBuilder app)
    {
        var condition = app.MapGroup("/api/v1").WithTags("Embeddable markup");
        const string description = "The whole knowledge base as schema.org JSON-LD that a clinic can paste into a page inside "
            + "`<script type=\"application/ld+json\">`: a MedicalWebPage whose mainEntity is the MedicalCondition with its causes, "
            + "possible treatments (with contraindications), primary preventions and the signs to watch for, citing the source articles. "
            + "Ask with `Accept: application/ld+json` (or any JSON), or use the `.jsonld` URL.";

        condition.MapGet("/condition", GetCondition).WithName(nameof(GetCondition))
            .WithSummary("The condition as schema.org JSON-LD.")
            .WithDescription(description)
            .Produces(StatusCodes.Status200OK, contentType: ConditionMarkup.MediaType)
            .ProducesProblem(StatusCodes.Status406NotAcceptable);

        condition.MapGet("/condition.jsonld", GetConditionJsonLd).WithName(nameof(GetConditionJsonLd))
            .WithSummary("The condition as schema.org JSON-LD, by file-style URL.")
            .WithDescription(description)
            .Produces(StatusCodes.Status200OK, contentType: ConditionMarkup.MediaType);

        return condition;
    }

    private static Results<JsonLdContent, ProblemHttpResult> GetCondition(HttpContext http, KnowledgeSnapshot snapshot)
    {
        if (!AcceptsJsonLd(http.Request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable.",
                detail: $"This resource is {ConditionMarkup.MediaType}; send Accept: {ConditionMarkup.MediaType} (or application/json).");
        }

        return GetConditionJsonLd(http, snapshot);
    }

    /// <summary>
    /// Built for each request, as the document embeds the request's own base URL; a repeated request is answered
    /// by the response cache, which keys on scheme, host and path base.
    /// </summary>
    private static JsonLdContent GetConditionJsonLd(HttpContext http, KnowledgeSnapshot snapshot)
    {
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        return new JsonLdContent(ConditionMarkup.Build(snapshot, baseUrl).ToJsonString());
    }

    private static bool AcceptsJsonLd(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Count == 0 || accept.Any(a => a.Quality != 0 && (
            a.MediaType.Equals(ConditionMarkup.MediaType, StringComparison.OrdinalIgnoreCase)
            || a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || a.MatchesAllTypes || a.MatchesAllSubTypes && a.Type.Equals("application", StringComparison.OrdinalIgnoreCase)));
    }
}
