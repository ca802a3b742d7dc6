using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using ModelContextProtocol;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Drops the console entries libraries write, with a stack trace, for failures that are not the server's:
/// <list type="bullet">
/// <item>A taken or forbidden port: the host logs "Hosting failed to start" with the bind failure's stack trace before
/// Program says it in one line.</item>
/// <item>An agent's bad call (an invalid argument, an unknown tool or resource): the MCP SDK logs it as an Error and a
/// Warning with stack traces, although the agent gets a JSON-RPC error and the request log has the request. A tool
/// that fails inside is still logged.</item>
/// </list>
/// Log filters see only category and level, not the exception, so the console provider is wrapped.
/// </summary>
[ProviderAlias("Console")]
internal sealed class ExpectedFailureLogFilter(ConsoleLoggerProvider console) : ILoggerProvider, ISupportExternalScope
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private const int HostingFailedToStart = 11;
    private const string McpCategoryPrefix = "ModelContextProtocol.";

    public static void Register(IServiceCollection services)
    {
        foreach (var registered in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            services.Remove(registered);
        }

        services.TryAddSingleton<ConsoleLoggerProvider>();
        services.AddSingleton<ILoggerProvider>(sp => new ExpectedFailureLogFilter(sp.GetRequiredService<ConsoleLoggerProvider>()));
    }

    public ILogger CreateLogger(string categoryName)
    {
        var logger = console.CreateLogger(categoryName);
        if (categoryName == HostCategory)
        {
            return new Filtered(logger, (eventId, e) => eventId.Id == HostingFailedToStart && IsBindFailure(e));
        }

        return categoryName.StartsWith(McpCategoryPrefix, StringComparison.Ordinal) ? new Filtered(logger, (_, e) => IsAgentsMistake(e)) : logger;
    }

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => console.SetScopeProvider(scopeProvider);

    public void Dispose() => console.Dispose();

    /// <summary>The exceptions Program turns into one line (see its catch around <c>app.Run</c>).</summary>
    public static bool IsBindFailure([NotNullWhen(true)] Exception? e) => e is IOException { InnerException: AddressInUseException or SocketException };

    private static bool IsAgentsMistake(Exception? e) => e is McpProtocolException
    {
        ErrorCode: McpErrorCode.InvalidParams or McpErrorCode.InvalidRequest or McpErrorCode.MethodNotFound or McpErrorCode.ResourceNotFound,
    };

    private sealed class Filtered(ILogger inner, Func<EventId, Exception?, bool> drop) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!drop(eventId, exception))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
