using System.IO.Compression;
using System.Net;
using System.Threading.RateLimiting;
using CrampKnowledge.Api.Hosting.ResponseCache;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// How the API behaves as a public HTTP service: forwarded headers, security headers, limits, CORS,
/// compression, rate limiting, ETags and the response cache. All of it is configured under <c>Http</c>.
/// </summary>
public static class HttpBehaviour
{
    public const string CorsPolicy = "browsers";

    public static WebApplicationBuilder AddHttpBehaviour(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<HttpBehaviourOptions>(builder.Configuration.GetSection(HttpBehaviourOptions.Section));

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var http = context.Configuration.GetSection(HttpBehaviourOptions.Section).Get<HttpBehaviourOptions>() ?? new();
            kestrel.Limits.MaxRequestBodySize = http.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            // Above MaxQueryLength, so long queries reach QueryLengthLimitMiddleware and get a ProblemDetails 414.
            kestrel.Limits.MaxRequestLineSize = 64 * 1024;
        });

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpBehaviourOptions>>((forwarded, http) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (http.Value.ForwardedHeaders.TrustAllProxies)
            {
                forwarded.KnownIPNetworks.Clear();
                forwarded.KnownProxies.Clear();
            }

            foreach (var proxy in http.Value.ForwardedHeaders.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        // A repeated key would let a later "description" silently replace the one that matched a red flag.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.AllowDuplicateProperties = false);

        services.AddSingleton<RequestLogWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<RequestLogWriter>());

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<HttpBehaviourOptions>>((cors, http) =>
            cors.AddPolicy(CorsPolicy, policy =>
            {
                var origins = http.Value.Cors.AllowedOrigins;
                _ = origins.Contains("*") ? policy.AllowAnyOrigin() : policy.WithOrigins(origins);
                policy.WithMethods("GET", "HEAD", "OPTIONS", "POST").AllowAnyHeader()
                    .WithExposedHeaders("ETag", "Retry-After").SetPreflightMaxAge(TimeSpan.FromHours(1));
            }));

        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "application/ld+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HttpBehaviourOptions>>((limiter, http) =>
        {
            var settings = http.Value.RateLimit;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !settings.Enabled || context.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = (rejected, ct) => WriteTooManyRequestsAsync(rejected, settings.WindowSeconds, ct);
        });

        services.AddSingleton<ResponseReplayCache>();

        return builder;
    }

    public static WebApplication UseHttpBehaviour(this WebApplication app)
    {
        var http = app.Services.GetRequiredService<IOptions<HttpBehaviourOptions>>().Value;
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestLoggingMiddleware>();
        if (http.ResponseCache.Enabled)
        {
            // First after the log: a repeated read is answered before any other middleware runs.
            app.UseMiddleware<ResponseCacheMiddleware>();
        }

        app.UseProblemHandling();
        if (http.Hsts)
        {
            app.UseHsts();
        }

        if (http.HttpsRedirection)
        {
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<QueryLengthLimitMiddleware>();
        app.UseMiddleware<RequestBodyBufferingMiddleware>();
        app.UseResponseCompression();
        // Routing runs after HEAD becomes GET; everything below needs the chosen endpoint.
        app.UseMiddleware<HeadRequestMiddleware>();
        app.UseRouting();
        app.UseCors(CorsPolicy);
        if (http.RateLimit.Enabled)
        {
            app.UseRateLimiter();
        }

        app.UseMiddleware<ConditionalGetMiddleware>();
        return app;
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, int windowSeconds, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : windowSeconds;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
                Title = "Too many requests.",
                Detail = $"This client has made more requests than its limit allows. Try again in {Math.Max(1, retryAfter)} s.",
            },
        });
    }
}
