using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Documents the answers the HTTP layer gives before or around an endpoint, on every operation they can reach: a contract
/// fuzzer or a client generator takes a status missing from the document for a bug. Each one is served as ProblemDetails
/// (304 has no body).
/// </summary>
internal sealed class ResponseDocumentation : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        var method = context.ApiDescription.HttpMethod ?? "";
        var path = "/" + (context.ApiDescription.RelativePath ?? "");
        if (HttpMethods.IsGet(method) && path.StartsWith("/api", StringComparison.Ordinal))
        {
            Add(operation, "304", "Not Modified: the `If-None-Match` tag is the answer's current strong ETag. No body.", problem: null);
        }

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        Add(operation, "405", "Method Not Allowed: this URL does not take the request's method; the `Allow` header lists the ones it takes.", problem);
        Add(operation, "414", "URI Too Long: the query string is longer than `Http:MaxQueryLength` (2,048 characters by default).", problem);
        // Any request may carry a body, and one over the limit is refused whatever the method.
        Add(operation, "413", "Content Too Large: the body is larger than `Http:MaxRequestBodyBytes` (64 KB by default).", problem);
        if (context.ApiDescription.ParameterDescriptions.Any(p => p.Source.Id == "Body"))
        {
            Add(operation, "415", "Unsupported Media Type: the body must be `application/json` in UTF-8.", problem);
        }

        Add(operation, "429", "Too Many Requests: this client's rate limit is used up; `Retry-After` says when to try again.", problem);
        Add(operation, "500", "An unexpected error, without internals; it is logged with the `traceId` given.", problem);
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema? problem)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        var response = new OpenApiResponse { Description = description };
        if (problem is not null)
        {
            response.Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = problem } };
        }

        operation.Responses.Add(status, response);
    }
}
