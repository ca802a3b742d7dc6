using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace CrampKnowledge.Api.Mcp;

/// <summary>
/// The Model Context Protocol server at <c>/mcp</c> (Streamable HTTP, stateless: any replica answers any request, so nginx
/// needs no session affinity). It sits behind the same middleware as the HTTP API: request log, size and query limits,
/// rate limiting and security headers.
/// </summary>
public static class AgentServerSetup
{
    public const string Path = "/mcp";
    public const string CorsPolicy = "agents";

    public static WebApplicationBuilder AddAgentServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgentServerOptions>().BindConfiguration(AgentServerOptions.Section);
        builder.Services.AddSingleton<IValidator<RecordLookup>, RecordLookupValidator>();
        builder.Services.AddSingleton<IValidator<RelatedLookup>, RelatedLookupValidator>();

        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new() { Name = "CrampKnowledge", Title = "CrampKnowledge: leg and foot cramps, with citations", Version = "1.0.0" };
                options.ServerInstructions = AgentInstructions;
            })
            .WithHttpTransport(transport => transport.Stateless = true)
            .WithListResourcesHandler(AgentResources.List);

        // Tools and resource templates answer with the HTTP API's JSON options, which exist once the container is built.
        // They are built once: the stateless transport configures fresh server options for every request, and building
        // the tools' schemas there made a tool call 40 times slower than the same search over HTTP.
        // They are built when the server options are first read (the first /mcp request, or /health/ready, which reports
        // a primitive that cannot be built), not when MapMcp resolves the SDK's handler at start-up: the prompts and
        // tools took 100-130 ms of the main thread's CPU there, while the knowledge base loaded beside it.
        builder.Services.AddSingleton(sp => new AgentPrimitives(sp, sp.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions));
        builder.Services.AddOptions<McpServerOptions>().Configure<IServiceProvider>((mcp, services) =>
        {
            var primitives = services.GetRequiredService<AgentPrimitives>();
            mcp.ToolCollection ??= [];
            foreach (var tool in primitives.Tools)
            {
                mcp.ToolCollection.Add(tool);
            }

            mcp.ResourceCollection ??= [];
            foreach (var template in primitives.ResourceTemplates)
            {
                mcp.ResourceCollection.Add(template);
            }

            mcp.PromptCollection ??= [];
            foreach (var prompt in primitives.Prompts)
            {
                mcp.PromptCollection.Add(prompt);
            }
        });

        builder.Services.AddSingleton<IOptionsFactory<McpServerOptions>>(sp => new SharedServerOptionsFactory(new OptionsFactory<McpServerOptions>(
            sp.GetServices<IConfigureOptions<McpServerOptions>>(), sp.GetServices<IPostConfigureOptions<McpServerOptions>>(),
            sp.GetServices<IValidateOptions<McpServerOptions>>())));

        builder.Services.AddHealthChecks().AddCheck<AgentServerHealthCheck>("agents", tags: [Endpoints.HealthEndpoints.ReadyTag]);
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<AgentServerOptions>>((cors, agents) =>
            cors.AddPolicy(CorsPolicy, policy =>
            {
                var origins = agents.Value.AllowedOrigins;
                _ = origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
                policy.WithMethods("GET", "POST", "DELETE", "OPTIONS").AllowAnyHeader().WithExposedHeaders("Mcp-Session-Id");
            }));
        return builder;
    }

    public static WebApplication MapAgentServer(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AgentServerOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.UseMiddleware<AgentOriginCheck>());
        // JSON-RPC over one URL, described by MCP's own tools/list rather than by operations in the OpenAPI document.
        app.MapMcp(Path).RequireCors(CorsPolicy).ExcludeFromDescription();
        return app;
    }

    private const string AgentInstructions =
        "CrampKnowledge answers questions about leg and foot muscle cramps (causes, treatments, preventions, and red flags: when to see a "
        + "doctor) from five source articles, and nothing else. Every fact comes with verbatim quotes and their article. Answer only from "
        + "those quotes, keep their hedging, and say when the sources do not cover something. When a person describes their own "
        + "symptoms, run check_red_flags and show every red flag it returns; never present no match as an all-clear. "
        + "Pass on the disclaimer: this is general information, not medical advice.";
}

/// <summary>The <c>Mcp</c> configuration section.</summary>
public sealed class AgentServerOptions
{
    public const string Section = "Mcp";

    /// <summary>Serve the MCP endpoint at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Browser origins allowed to call <c>/mcp</c> (e.g. a web agent's page); <c>*</c> allows any. A request with an
    /// <c>Origin</c> header not listed gets 403, as the MCP specification asks against DNS rebinding. Requests without
    /// an <c>Origin</c> (desktop agents, servers) are not affected.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>The tools, resource templates and prompts, built once for every request's server.</summary>
internal sealed class AgentPrimitives(IServiceProvider services, System.Text.Json.JsonSerializerOptions json)
{
    public IReadOnlyList<McpServerTool> Tools { get; } = [.. KnowledgeTools.Create(json)];

    public IReadOnlyList<McpServerResource> ResourceTemplates { get; } = [.. AgentResources.Templates(json)];

    /// <summary>Each <see cref="McpServerPromptAttribute"/> method of <see cref="AgentPrompts"/>, as the SDK's <c>WithPrompts</c> makes them.</summary>
    public IReadOnlyList<McpServerPrompt> Prompts { get; } =
    [
        .. typeof(AgentPrompts).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(method => method.GetCustomAttribute<McpServerPromptAttribute>() is not null)
            .Select(method => McpServerPrompt.Create(method, options: new() { Services = services })),
    ];
}
