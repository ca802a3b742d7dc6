using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// A taken or forbidden port is an operator's problem, and Program says so in one line. Before that, the host logs
/// "Hosting failed to start" with the whole stack trace of the bind failure. This console logger drops that one entry;
/// every other start failure, and every other entry, is written as before. Log filters see only category and level,
/// not the exception, so the console provider is wrapped.
/// </summary>
[ProviderAlias("Console")]
internal sealed class PortInUseLogFilter(ConsoleLoggerProvider console) : ILoggerProvider, ISupportExternalScope
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private const int HostingFailedToStart = 11;

    public static void Register(IServiceCollection services)
    {
        foreach (var console in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            services.Remove(console);
        }

        services.TryAddSingleton<ConsoleLoggerProvider>();
        services.AddSingleton<ILoggerProvider>(sp => new PortInUseLogFilter(sp.GetRequiredService<ConsoleLoggerProvider>()));
    }

    public ILogger CreateLogger(string categoryName)
    {
        var logger = console.CreateLogger(categoryName);
        return categoryName == HostCategory ? new Filtered(logger) : logger;
    }

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => console.SetScopeProvider(scopeProvider);

    public void Dispose() => console.Dispose();

    /// <summary>The exceptions Program turns into one line (see its catch around <c>app.Run</c>).</summary>
    public static bool IsBindFailure([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Exception? e) =>
        e is IOException { InnerException: AddressInUseException or SocketException };

    private sealed class Filtered(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == HostingFailedToStart && IsBindFailure(exception))
            {
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
