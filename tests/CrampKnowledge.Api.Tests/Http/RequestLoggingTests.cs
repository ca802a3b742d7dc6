using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrampKnowledge.Api.Tests.Http;

public sealed class RequestLoggingTests
{
    [Fact]
    public async Task RequestsAreLoggedWithMethodPathStatusAndDurationButNoQueryString()
    {
        var sink = new LogSink();
        using var factory = new LoggingApiFactory(sink);
        using var client = factory.CreateClient();

        await client.GetAsync("/api/v1/search?q=my%20secret%20symptom%20description");

        var line = sink.Entries.Single(e => e.Category.EndsWith("RequestLoggingMiddleware", StringComparison.Ordinal));
        Assert.Equal("GET", line.State["Method"]);
        Assert.Equal("/api/v1/search", line.State["Path"]);
        Assert.Equal(200, line.State["StatusCode"]);
        Assert.IsType<double>(line.State["ElapsedMs"]);
        Assert.DoesNotContain(sink.Entries, e => e.Message.Contains("secret", StringComparison.Ordinal));
    }

    private sealed class LoggingApiFactory(LogSink sink) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(sink));
        }
    }

    private sealed record Entry(string Category, string Message, IReadOnlyDictionary<string, object?> State);

    private sealed class LogSink : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class SinkLogger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                entries.Enqueue(new Entry(category, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
            }
        }
    }
}
