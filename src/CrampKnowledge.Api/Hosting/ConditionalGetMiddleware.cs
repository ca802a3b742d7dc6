using System.Security.Cryptography;
using System.Text;
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
internal sealed class ConditionalGetMiddleware(RequestDelegate next, RecordDirectory directory, IOptions<HttpBehaviourOptions> options)
{
    private readonly string _cacheControl = $"public, max-age={options.Value.CacheMaxAgeSeconds}";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.StartsWithSegments("/api"))
        {
            return next(context);
        }

        var etag = ComputeETag(request, directory.ContentVersion);
        var response = context.Response;
        if (Matches(request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            SetCacheHeaders(response, etag);
            return Task.CompletedTask;
        }

        response.OnStarting(() =>
        {
            if (response.StatusCode == StatusCodes.Status200OK)
            {
                SetCacheHeaders(response, etag);
            }

            return Task.CompletedTask;
        });
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
        var key = new StringBuilder(256)
            .Append(contentVersion).Append('\n')
            .Append(request.Scheme).Append("://").Append(request.Host.Value).Append(request.PathBase.Value).Append(request.Path.Value).Append('\n');
        foreach (var (name, values) in request.Query.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            key.Append(name).Append('=').AppendJoin(',', values.ToArray()).Append('&');
        }

        key.Append('\n').Append(request.Headers.Accept.ToString()).Append('\n').Append(ChosenEncoding(request.Headers.AcceptEncoding));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"";
    }

    /// <summary>The coding ResponseCompression chooses: the highest quality of br and gzip, br on a tie.</summary>
    internal static string ChosenEncoding(StringValues acceptEncoding)
    {
        if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return "identity";
        }

        double Quality(string name) => codings
            .Where(c => c.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || c.Value == "*")
            .Select(c => c.Quality ?? 1.0).DefaultIfEmpty(0).Max();
        var (br, gzip) = (Quality("br"), Quality("gzip"));
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : "identity";
    }

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
