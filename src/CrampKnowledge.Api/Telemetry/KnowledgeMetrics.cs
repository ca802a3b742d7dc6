using System.Diagnostics.Metrics;

namespace CrampKnowledge.Api.Telemetry;

/// <summary>
/// The API's own meter: what an operator of a medical knowledge base watches besides requests and latency. Tags are
/// fixed words (a seeDoctor level, hit or miss), never anything a person typed: a description or a question must not
/// reach a metrics store. Rate-limit rejections are ASP.NET Core's own <c>aspnetcore.rate_limiting.requests</c>.
/// </summary>
public sealed class KnowledgeMetrics
{
    public const string MeterName = "CrampKnowledge.Api";

    /// <summary>The <c>via</c> tag: which interface asked.</summary>
    public const string ViaHttp = "http";

    public const string ViaMcp = "mcp";

    private readonly Counter<long> _redFlagChecks;
    private readonly Counter<long> _searches;
    private readonly Counter<long> _responseCacheLookups;

    public KnowledgeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _redFlagChecks = meter.CreateCounter<long>("crampknowledge.red_flag.checks", "{check}",
            "Red-flag checks answered, by the overall seeDoctor level (none, unknown, soon, promptly) and interface.");
        _searches = meter.CreateCounter<long>("crampknowledge.search.queries", "{query}",
            "Searches answered, by result (hits or no_hits) and interface; a repeated search replayed from the response cache counts again.");
        _responseCacheLookups = meter.CreateCounter<long>("crampknowledge.response_cache.lookups", "{lookup}",
            "GETs under /api the response cache looked up, by result: hit (replayed) or miss (answered by the endpoint).");
    }

    public void RedFlagChecked(string seeDoctor, string via) =>
        _redFlagChecks.Add(1, new KeyValuePair<string, object?>("see_doctor", seeDoctor), new KeyValuePair<string, object?>("via", via));

    public void Searched(bool hasHits, string via) =>
        _searches.Add(1, new KeyValuePair<string, object?>("result", hasHits ? "hits" : "no_hits"), new KeyValuePair<string, object?>("via", via));

    public void ResponseCacheLookedUp(bool hit) =>
        _responseCacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));
}
