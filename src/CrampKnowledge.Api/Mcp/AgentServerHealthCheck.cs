using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace CrampKnowledge.Api.Mcp;

/// <summary>
/// Readiness of <c>/mcp</c>: the MCP server's options (tools with their generated output schemas, resources, prompts) are
/// built when first asked for. Asking here builds them before the first agent call, and a tool that cannot describe
/// itself keeps the replica out of rotation instead of failing an agent's request.
/// </summary>
internal sealed class AgentServerHealthCheck(IOptions<McpServerOptions> mcp, IOptions<AgentServerOptions> agents) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!agents.Value.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("The MCP endpoint is switched off (Mcp:Enabled)."));
        }

        var options = mcp.Value;
        var tools = options.ToolCollection?.Count ?? 0;
        var templates = options.ResourceCollection?.Count ?? 0;
        var prompts = options.PromptCollection?.Count ?? 0;
        var description = $"MCP at {AgentServerSetup.Path}: {tools} tools, {templates} resource templates, {prompts} prompts.";
        return Task.FromResult(tools > 0 && templates > 0 && prompts > 0 ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
    }
}
