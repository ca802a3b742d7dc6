namespace CrampKnowledge.Api.Telemetry;

/// <summary>
/// Whether a search answer had hits, kept with the answer (as a request feature) so that the response cache, which
/// replays a repeated search without running the endpoint, counts the replay in <see cref="KnowledgeMetrics"/> too.
/// </summary>
public sealed class SearchOutcome
{
    public static readonly SearchOutcome Hits = new(true);
    public static readonly SearchOutcome NoHits = new(false);

    private SearchOutcome(bool hasHits) => HasHits = hasHits;

    public bool HasHits { get; }

    public static SearchOutcome Of(bool hasHits) => hasHits ? Hits : NoHits;

    public void Record(KnowledgeMetrics metrics, string via) => metrics.Searched(HasHits, via);
}
