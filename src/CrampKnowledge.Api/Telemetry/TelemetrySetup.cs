using System.Reflection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CrampKnowledge.Api.Telemetry;

/// <summary>
/// Metrics and traces with OpenTelemetry: ASP.NET Core's request, Kestrel, routing and rate-limiting meters, the
/// runtime's (GC, thread pool, JIT) and <see cref="KnowledgeMetrics"/>. Prometheus pulls them from <c>/metrics</c>;
/// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or a signal's own endpoint) is set, metrics and traces are also pushed over
/// OTLP, configured by the standard <c>OTEL_*</c> variables. Nothing a person typed is recorded: spans carry the
/// route, never the query string or a body, and the meters' tags are fixed words. The request log stays a separate
/// writer (Hosting/RequestLogWriter): the same line through <c>ILogger</c> put three benchmark rows below target.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "crampknowledge-api";

    /// <summary>Requests and their duration, connections, and the rate limiter's decisions.</summary>
    public static readonly string[] AspNetCoreMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        // Always registered, as the endpoints record into it; with no listener a counter's Add does nothing.
        builder.Services.AddSingleton<KnowledgeMetrics>();

        var configuration = builder.Configuration;
        var options = Options(configuration);
        var prometheus = options.Enabled && options.Prometheus.Enabled;
        var otlpMetrics = options.Enabled && OtlpConfigured(configuration, "METRICS");
        var otlpTraces = options.Enabled && OtlpConfigured(configuration, "TRACES");
        if (!prometheus && !otlpMetrics && !otlpTraces)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(
            serviceName: configuration["OTEL_SERVICE_NAME"] ?? ServiceName,
            serviceVersion: typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion));

        if (prometheus || otlpMetrics)
        {
            telemetry.WithMetrics(metrics =>
            {
                // ASP.NET Core's meters one by one rather than AddAspNetCoreInstrumentation, which also listens to
                // routing (a counter per request) and the memory pool (a counter per buffer rented).
                metrics.AddMeter(AspNetCoreMeters).AddRuntimeInstrumentation().AddMeter(KnowledgeMetrics.MeterName)
                    .AddView(MetricStreamLimits.ForInstrument);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlpMetrics)
                {
                    metrics.AddOtlpExporter();
                }
            });
        }

        if (otlpTraces)
        {
            var scrapePath = options.Prometheus.Path;
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    // Probes and scrapes every few seconds would drown the requests people make.
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                        && !context.Request.Path.StartsWithSegments(scrapePath);
                    // A query string holds what a person asked ("q=...") and must not leave the process.
                    aspNetCore.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is on: outside the rate limiter, the response cache (which keeps only /api) and the API description.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var options = Options(app.Configuration);
        if (options.Enabled && options.Prometheus.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(options.Prometheus.Path).DisableRateLimiting().ExcludeFromDescription();
        }

        return app;
    }

    private static TelemetryOptions Options(IConfiguration configuration) =>
        configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();

    private static bool OtlpConfigured(ConfigurationManager configuration, string signal) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrWhiteSpace(configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"]);
}
