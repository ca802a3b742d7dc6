using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Hosting.ResponseCache;

/// <summary>
/// Complete answers to GETs under /api, kept in two generations: new entries go into the current
/// one; when it reaches half the budget it becomes the previous one and the one before is dropped,
/// and an entry read from the previous generation moves back into the current one. So memory stays
/// under <see cref="HttpBehaviourOptions.ResponseCacheSettings.MaxMegabytes"/> however many distinct
/// queries arrive, what is in use stays cached, and neither a lookup nor an insert ever scans or locks.
/// </summary>
public sealed class ResponseReplayCache
{
    private readonly long _generationBytes;
    private readonly int _generationEntries;
    private readonly Lock _turnover = new();
    private ConcurrentDictionary<ResponseCacheKey, CachedResponse> _current = new();
    private ConcurrentDictionary<ResponseCacheKey, CachedResponse> _previous = new();
    private long _currentBytes;
    private int _currentEntries;

    public ResponseReplayCache(IOptions<HttpBehaviourOptions> options)
    {
        var settings = options.Value.ResponseCache;
        _generationBytes = Math.Max(1, settings.MaxMegabytes) * 1024L * 1024L / 2;
        _generationEntries = Math.Max(1, settings.MaxEntries / 2);
    }

    /// <summary>Entries in both generations (for tests and diagnostics).</summary>
    public int Count => Volatile.Read(ref _current).Count + Volatile.Read(ref _previous).Count;

    internal bool TryGet(in ResponseCacheKey key, out CachedResponse response)
    {
        if (Volatile.Read(ref _current).TryGetValue(key, out response!))
        {
            return true;
        }

        if (Volatile.Read(ref _previous).TryGetValue(key, out response!))
        {
            Add(key, response);
            return true;
        }

        return false;
    }

    internal void Add(in ResponseCacheKey key, CachedResponse response)
    {
        // Larger than a whole generation: caching it would evict everything else for one answer.
        if (response.Size > _generationBytes)
        {
            return;
        }

        var current = Volatile.Read(ref _current);
        if (!current.TryAdd(key, response))
        {
            return;
        }

        var bytes = Interlocked.Add(ref _currentBytes, response.Size);
        var entries = Interlocked.Increment(ref _currentEntries);
        if (bytes > _generationBytes || entries > _generationEntries)
        {
            TurnOver(current);
        }
    }

    private void TurnOver(ConcurrentDictionary<ResponseCacheKey, CachedResponse> full)
    {
        lock (_turnover)
        {
            // Another request may have turned it over already.
            if (!ReferenceEquals(full, _current))
            {
                return;
            }

            Volatile.Write(ref _previous, full);
            Volatile.Write(ref _current, new ConcurrentDictionary<ResponseCacheKey, CachedResponse>());
            Interlocked.Exchange(ref _currentBytes, 0);
            Interlocked.Exchange(ref _currentEntries, 0);
        }
    }
}
