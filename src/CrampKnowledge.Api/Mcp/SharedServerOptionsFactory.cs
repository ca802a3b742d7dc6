using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace CrampKnowledge.Api.Mcp;

/// <summary>
/// Builds the MCP server's options once and hands the same instance to every request's server. The SDK's stateless
/// transport asks the options factory for fresh options on every POST, which reruns every configuration action (the
/// tools, resource templates and prompts filed again into new collections) for each tool call. A stateful SDK server
/// shares one options instance between all its sessions in the same way; the only per-request write the stateless
/// transport makes (<c>ScopeRequests = false</c>) sets the same value every time.
/// </summary>
internal sealed class SharedServerOptionsFactory(OptionsFactory<McpServerOptions> inner) : IOptionsFactory<McpServerOptions>
{
    private readonly Lazy<McpServerOptions> _shared = new(() => inner.Create(Options.DefaultName));

    public McpServerOptions Create(string name) => name == Options.DefaultName ? _shared.Value : inner.Create(name);
}
