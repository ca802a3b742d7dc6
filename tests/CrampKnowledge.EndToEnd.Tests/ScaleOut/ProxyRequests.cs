using System.Net.Http.Headers;

namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>Requests the scale-out tests send, and what they read from the answers.</summary>
public static class ProxyRequests
{
    /// <summary>A GET; <paramref name="bypassCache"/> adds <c>Cache-Control: no-cache</c>, which nginx honours by asking a replica.</summary>
    /// <paramref name="host"/> sets the Host header, for a request straight to a replica that should look like one from nginx.
    public static HttpRequestMessage Get(
        string url, bool bypassCache = false, string? ifNoneMatch = null, string? origin = null, string? acceptEncoding = null, string? host = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Host = host;
        if (bypassCache)
        {
            request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return request;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            return await client.SendAsync(request);
        }
    }

    /// <summary>The ETag as sent (quotes included), or null.</summary>
    public static string? ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString();

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
