using CrampKnowledge.Api.Telemetry;
using Microsoft.Extensions.Primitives;

namespace CrampKnowledge.Api.Hosting.ResponseCache;

/// <summary>
/// A complete 200 answer as the pipeline produced it: every header the middleware set (security
/// headers, CORS, ETag, Vary, content coding) and the body bytes exactly as sent, with the endpoint that answered
/// (so a replay is measured and traced under its route) and a search's outcome (so a replay is counted as a search).
/// </summary>
internal sealed class CachedResponse(
    KeyValuePair<string, StringValues>[] headers, string etag, byte[] body, Endpoint? endpoint = null, SearchOutcome? searchOutcome = null)
{
    public KeyValuePair<string, StringValues>[] Headers { get; } = headers;

    /// <summary>A 304 carries the same headers minus those that describe a body.</summary>
    public KeyValuePair<string, StringValues>[] NotModifiedHeaders { get; } = headers
        .Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
            && !h.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase))
        .ToArray();

    public string ETag { get; } = etag;

    public byte[] Body { get; } = body;

    public Endpoint? Endpoint { get; } = endpoint;

    public SearchOutcome? SearchOutcome { get; } = searchOutcome;

    /// <summary>What the entry costs in memory, roughly: the body plus its headers.</summary>
    public long Size { get; } = body.Length + headers.Sum(h => h.Key.Length + h.Value.ToString().Length) * 2 + 64;
}
