namespace CrampKnowledge.Api.Hosting.ResponseCache;

/// <summary>
/// Everything a cached answer depends on, as the strings Kestrel already holds, so a lookup
/// allocates nothing. The raw query string and raw header values are used as they come: two
/// spellings of one query are two entries with the same bytes and ETag, which is still correct.
/// </summary>
internal readonly record struct ResponseCacheKey(
    string Scheme, string Host, string PathBase, string Path, string Query, string Accept, string AcceptEncoding, string Origin)
{
    public static ResponseCacheKey From(HttpRequest request)
    {
        var headers = request.Headers;
        return new ResponseCacheKey(
            request.Scheme,
            request.Host.Value ?? "",
            request.PathBase.Value ?? "",
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            headers.Accept.ToString(),
            headers.AcceptEncoding.ToString(),
            headers.Origin.ToString());
    }
}
