using Microsoft.OpenApi;

namespace CrampKnowledge.Api.Hosting;

/// <summary>OpenAPI through Swashbuckle, with Swagger UI at <c>/swagger</c>.</summary>
public static class ApiDocumentation
{
    private const string DocumentationPath = "/swagger";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CrampKnowledge API",
                Version = "v1",
                Description = "A knowledge base about leg and foot muscle cramps: causes, treatments, preventions and red flags "
                    + "(when to see a doctor), and the links between them. Every fact cites a verbatim quote from one of five "
                    + "source articles. Not medical advice: every health response carries a `disclaimer` field.\n\n"
                    + "Errors are RFC 9457 ProblemDetails. One exception: a request the server cannot parse at all (a NUL in the path, "
                    + "a malformed header, a bad Content-Length, a request line or headers over Kestrel's limits) is refused by Kestrel "
                    + "with an empty 400, 414 or 431 before the API runs; behind the nginx configuration in `deploy/nginx`, nginx refuses "
                    + "such requests itself with ProblemDetails.\n\n"
                    + "AI agents: the same knowledge is served as a Model Context Protocol server at `/mcp` (Streamable HTTP; tools, "
                    + "resources and prompts). It speaks JSON-RPC, not REST, so it is not listed below; the README's \"For agent builders\" "
                    + "section describes it.",
            });
            options.OperationFilter<ParameterDocumentation>();
            options.OperationFilter<ResponseDocumentation>();
            options.OperationFilter<JsonLdSchemaDocumentation>();
            options.SchemaFilter<SchemaExamples>();
            options.SchemaFilter<RedFlagCheckExamples>();
            options.SupportNonNullableReferenceTypes();
            // A member that is never null is always in the answer: the document says so, so clients and fuzzers can rely on it.
            options.NonNullableReferenceTypesAsRequired();
        });
        return services;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        // Only under /swagger: Swagger UI's middleware matches every other request's path against a regex before passing it on.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DocumentationPath), documentation =>
        {
            documentation.UseSwagger();
            documentation.UseSwaggerUI(options =>
            {
                options.SwaggerEndpoint("/swagger/v1/swagger.json", "CrampKnowledge v1");
                options.DocumentTitle = "CrampKnowledge API";
                options.DisplayOperationId();
            });
        });
        return app;
    }
}
