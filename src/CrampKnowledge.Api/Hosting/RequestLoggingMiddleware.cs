using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// One structured line per request: method, path, status and duration. Never the query string,
/// which may hold a person's own description of their symptoms. <c>Http:RequestLog</c> chooses the
/// output: <c>stdout</c> (batched JSON lines, the production default), <c>logger</c> (ILogger, so
/// any logging provider receives them) or <c>off</c>.
/// </summary>
internal sealed partial class RequestLoggingMiddleware(
    RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, RequestLogWriter writer, IOptions<HttpBehaviourOptions> options)
{
    private readonly string _output = options.Value.RequestLog;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsedMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
            var path = context.Request.Path.Value ?? "/";
            if (_output == HttpBehaviourOptions.RequestLogToStdout)
            {
                writer.Write(new RequestLogEntry(DateTime.UtcNow, context.Request.Method, path, context.Response.StatusCode, elapsedMs));
            }
            else if (_output == HttpBehaviourOptions.RequestLogToLogger && logger.IsEnabled(LogLevel.Information))
            {
                LogRequest(logger, context.Request.Method, path, context.Response.StatusCode, elapsedMs);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs} ms")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMs);
}
