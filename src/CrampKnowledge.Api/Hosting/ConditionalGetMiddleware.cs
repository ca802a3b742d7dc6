using System.Buffers;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Strong ETags and 304s for every GET under /api. The content is immutable per content version, so
/// the tag is computed from the version and the request alone: identical on every replica, and a
/// matching <c>If-None-Match</c> is answered without running the endpoint at all.
/// </summary>
internal sealed class ConditionalGetMiddleware(RequestDelegate next, IServiceProvider services, IOptions<HttpBehaviourOptions> options)
{
    private readonly string _cacheControl = $"public, max-age={options.Value.CacheMaxAgeSeconds}";

    // Resolved on the first request, not when the pipeline is built: Kestrel starts while the knowledge base loads
    // (KnowledgeBaseGate), and the content version exists only once it has.
    private RecordDirectory? _directory;

    private RecordDirectory Directory => _directory ??= services.GetRequiredService<RecordDirectory>();

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.StartsWithSegments("/api"))
        {
            return next(context);
        }

        var etag = ComputeETag(request, Directory.ContentVersion);
        var response = context.Response;
        if (Matches(request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            SetCacheHeaders(response, etag);
            return Task.CompletedTask;
        }

        // A static callback with its state in one box: no closure and delegate to allocate per request.
        response.OnStarting(static state =>
        {
            var (middleware, response, etag) = ((ConditionalGetMiddleware, HttpResponse, string))state;
            if (response.StatusCode == StatusCodes.Status200OK)
            {
                middleware.SetCacheHeaders(response, etag);
            }

            return Task.CompletedTask;
        }, (this, response, etag));
        return next(context);
    }

    private void SetCacheHeaders(HttpResponse response, string etag)
    {
        response.Headers.ETag = etag;
        response.Headers.CacheControl = _cacheControl;
        response.Headers.Vary = "Accept, Accept-Encoding, Origin";
    }

    /// <summary>
    /// Version, host (absolute URLs in JSON-LD), path, query in a canonical order, Accept (content
    /// negotiation) and the content coding the compression middleware will pick, since a strong tag
    /// must differ between gzip, br and identity bodies.
    /// </summary>
    public static string ComputeETag(HttpRequest request, string contentVersion)
    {
        // Runs for every GET that misses the response cache. The hash reads its input as a stream, so the key's
        // parts are fed to it one by one (the tag is that of the key written out whole) and no key string is built.
        var hash = new Fnv1a128();
        hash.Append(contentVersion);
        hash.Append("\n");
        hash.Append(request.Scheme);
        hash.Append("://");
        hash.Append(request.Host.Value);
        hash.Append(request.PathBase.Value);
        hash.Append(request.Path.Value);
        hash.Append("\n");
        var query = request.Query;
        var names = ArrayPool<string>.Shared.Rent(query.Count);
        var nameCount = 0;
        foreach (var name in query.Keys)
        {
            names[nameCount++] = name;
        }

        Array.Sort(names, 0, nameCount, StringComparer.Ordinal);
        for (var i = 0; i < nameCount; i++)
        {
            hash.Append(names[i]);
            hash.Append("=");
            var values = query[names[i]];
            for (var v = 0; v < values.Count; v++)
            {
                hash.Append(v > 0 ? "," : "");
                hash.Append(values[v]);
            }

            hash.Append("&");
        }

        ArrayPool<string>.Shared.Return(names, clearArray: true);
        hash.Append("\n");
        hash.Append(request.Headers.Accept.ToString());
        hash.Append("\n");
        hash.Append(ChosenEncoding(request.Headers.AcceptEncoding));
        return $"\"{hash.ToHex()}\"";
    }

    /// <summary>The coding ResponseCompression chooses: the highest quality of br and gzip, br on a tie.</summary>
    internal static string ChosenEncoding(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding))
        {
            return "identity";
        }

        // The usual header is plain tokens without quality values ("gzip, deflate, br"): each listed coding has quality 1.
        if (acceptEncoding.Count == 1 && acceptEncoding[0].AsSpan().IndexOfAnyExcept(PlainCodingList) < 0)
        {
            var (br, gzip) = (false, false);
            foreach (var range in acceptEncoding[0].AsSpan().Split(','))
            {
                var coding = acceptEncoding[0].AsSpan()[range].Trim();
                br |= coding.Equals("br", StringComparison.OrdinalIgnoreCase);
                gzip |= coding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
            }

            return br ? "br" : gzip ? "gzip" : "identity";
        }

        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return "identity";
        }

        double Quality(string name) => codings
            .Where(c => c.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || c.Value == "*")
            .Select(c => c.Quality ?? 1.0).DefaultIfEmpty(0).Max();
        var (brQuality, gzipQuality) = (Quality("br"), Quality("gzip"));
        return brQuality > 0 && brQuality >= gzipQuality ? "br" : gzipQuality > 0 ? "gzip" : "identity";
    }

    private static readonly SearchValues<char> PlainCodingList =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-, ");

    /// <summary>Weak comparison, as RFC 9110 asks for If-None-Match: a proxy may have weakened the tag.</summary>
    internal static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var ours = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}
