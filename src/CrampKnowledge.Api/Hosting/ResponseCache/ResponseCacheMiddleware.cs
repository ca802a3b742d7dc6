using System.Threading.RateLimiting;
using CrampKnowledge.Api.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CrampKnowledge.Api.Hosting.ResponseCache;

/// <summary>
/// Replays complete answers to repeated GETs and HEADs under /api from memory, near the front of the
/// pipeline. The content is immutable per version, so an answer with an ETag is right for as long as
/// the process runs; replaying its bytes and headers skips routing, binding, the query, serialisation
/// and compression, which is most of what a read costs. A miss runs the pipeline; the answer is kept
/// when the same request comes a second time. Kept rather than ASP.NET Core output caching (issue 16,
/// bench/run.sh of 2026-12-05, docs/benchmarks.md): with it the cached list, filter and detail ran at
/// 0.69/0.78/0.71× the Kestrel reference (target 0.9×) and uncached reads at 0.30-0.37× with p99 up to
/// 11.7 ms (target 0.5×, 5 ms), since it stores every first answer; keeping answers only from the second
/// request still left the cached rows at 0.76-0.87×. This cache: 0.81-1.18× and 0.70-0.82×.
/// </summary>
internal sealed class ResponseCacheMiddleware
{
    // Headers the server writes per response, or that describe this connection rather than the answer.
    private static readonly HashSet<string> PerResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
    };

    private readonly RequestDelegate _next;
    private readonly ResponseReplayCache _cache;
    private readonly PartitionedRateLimiter<HttpContext>? _limiter;
    private readonly KnowledgeMetrics _metrics;
    private readonly int _maxBodyBytes;

    public ResponseCacheMiddleware(
        RequestDelegate next, ResponseReplayCache cache, IOptions<HttpBehaviourOptions> http, IOptions<RateLimiterOptions> limiter,
        KnowledgeMetrics metrics)
    {
        _next = next;
        _cache = cache;
        _metrics = metrics;
        _maxBodyBytes = http.Value.ResponseCache.MaxBodyKilobytes * 1024;
        _limiter = http.Value.RateLimit.Enabled ? limiter.Value.GlobalLimiter : null;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isHead = HttpMethods.IsHead(request.Method);
        if (!(isHead || HttpMethods.IsGet(request.Method))
            || !request.Path.StartsWithSegments("/api")
            // A GET with a body is refused (413) or questioned further in; it never gets a replay.
            || request.ContentLength is > 0 || !StringValues.IsNullOrEmpty(request.Headers.TransferEncoding)
            // As a shared cache must (RFC 9111 §3.5): an answer to a request with credentials is not shared.
            || !StringValues.IsNullOrEmpty(request.Headers.Authorization))
        {
            return _next(context);
        }

        var key = ResponseCacheKey.From(request);
        if (_cache.TryGet(key, out var cached))
        {
            // The rate limiter sits further in; a hit counts against it here. When the lease is refused,
            // the full pipeline runs and its limiter answers 429 as usual.
            using var lease = _limiter?.AttemptAcquire(context);
            if (lease is null || lease.IsAcquired)
            {
                _metrics.ResponseCacheLookedUp(hit: true);
                return Replay(context, cached, isHead, _metrics);
            }

            return _next(context);
        }

        _metrics.ResponseCacheLookedUp(hit: false);
        return isHead || !_cache.SeenBefore(key) ? _next(context) : CaptureAsync(context, key);
    }

    private static Task Replay(HttpContext context, CachedResponse cached, bool isHead, KnowledgeMetrics metrics)
    {
        // The endpoint that made the answer: ASP.NET Core's request metrics and traces then name its route.
        context.SetEndpoint(cached.Endpoint);
        cached.SearchOutcome?.Record(metrics, KnowledgeMetrics.ViaHttp);
        var response = context.Response;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch;
        var notModified = !StringValues.IsNullOrEmpty(ifNoneMatch)
            && (ifNoneMatch.ToString() == cached.ETag || ConditionalGetMiddleware.Matches(ifNoneMatch, cached.ETag));
        response.StatusCode = notModified ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
        var headers = response.Headers;
        foreach (var (name, value) in notModified ? cached.NotModifiedHeaders : cached.Headers)
        {
            headers[name] = value;
        }

        if (notModified)
        {
            return Task.CompletedTask;
        }

        response.ContentLength = cached.Body.Length;
        if (isHead)
        {
            return Task.CompletedTask;
        }

        var written = response.BodyWriter.WriteAsync(cached.Body, context.RequestAborted);
        return written.IsCompletedSuccessfully ? Task.CompletedTask : written.AsTask();
    }

    private async Task CaptureAsync(HttpContext context, ResponseCacheKey key)
    {
        var bodyFeature = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var capture = new BodyCaptureStream(bodyFeature.Stream, _maxBodyBytes);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(capture, bodyFeature));
        try
        {
            await _next(context);
        }
        finally
        {
            context.Features.Set(bodyFeature);
        }

        var response = context.Response;
        // Only what the conditional-GET layer marked as content (200 with an ETag) is immutable.
        if (response.StatusCode != StatusCodes.Status200OK || capture.Overflowed || context.RequestAborted.IsCancellationRequested
            || response.Headers.ETag is not [{ } etag] || response.Headers.ContainsKey("Set-Cookie")
            || (response.ContentLength is { } length && length != capture.CapturedBytes))
        {
            return;
        }

        var headers = response.Headers.Where(h => !PerResponseHeaders.Contains(h.Key)).ToArray();
        _cache.Add(key, new CachedResponse(headers, etag, capture.ToArray(), context.GetEndpoint(), context.Features.Get<SearchOutcome>()));
    }
}
