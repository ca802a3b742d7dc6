using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Mcp;

/// <summary>
/// Refuses <c>/mcp</c> requests from browser origins that are not allowed (MCP specification, Streamable HTTP, security:
/// "Servers MUST validate the Origin header ... If the Origin header is present and invalid, servers MUST respond with
/// HTTP 403 Forbidden"). A DNS-rebinding page reaches the server under its own host name, so the host is no evidence;
/// only the configured list is. The body is a JSON-RPC error without an id, as the specification allows.
/// </summary>
internal sealed class AgentOriginCheck(RequestDelegate next, IOptionsMonitor<AgentServerOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsAllowed(origin, options.CurrentValue.AllowedOrigins))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/json";
        var message = $"Origin '{origin}' is not allowed to call the MCP endpoint. Allowed origins are configured in Mcp:AllowedOrigins.";
        return context.Response.WriteAsync(
            $$$"""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":{{{System.Text.Json.JsonSerializer.Serialize(message)}}}}}""");
    }

    private static bool IsAllowed(string origin, string[] allowed) =>
        allowed.Any(a => a == "*" || string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
}
