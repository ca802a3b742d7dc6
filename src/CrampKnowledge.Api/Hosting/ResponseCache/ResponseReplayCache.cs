using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Hosting.ResponseCache;

/// <summary>
/// Complete answers to GETs under /api, kept in two generations: new entries go into the current
/// one; when it reaches half the budget it becomes the previous one and the one before is dropped,
/// and an entry read from the previous generation moves back into the current one. So memory stays
/// under <see cref="HttpBehaviourOptions.ResponseCacheSettings.MaxMegabytes"/> however many distinct
/// queries arrive, what is in use stays cached, and neither a lookup nor an insert ever scans or locks.
/// An answer is kept from the second time its request is seen, not the first (see <see cref="SeenBefore"/>).
/// </summary>
public sealed class ResponseReplayCache
{
    private readonly long _generationBytes;
    private readonly int _generationEntries;
    private readonly Lock _turnover = new();
    private ConcurrentDictionary<ResponseCacheKey, CachedResponse> _current = new();
    private ConcurrentDictionary<ResponseCacheKey, CachedResponse> _previous = new();
    private readonly int[] _seenOnce = new int[8192];
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

    /// <summary>
    /// True when this request was seen before (it is worth keeping); otherwise remembers it. Most
    /// distinct queries are asked once: copying and keeping each would turn the generations over
    /// constantly and leave the GC collecting entries that lived just long enough to be promoted.
    /// A slot holds one hash, so a collision only means one more miss before an answer is kept.
    /// </summary>
    internal bool SeenBefore(in ResponseCacheKey key)
    {
        var hash = key.GetHashCode() | 1; // never 0, the empty slot
        ref var slot = ref _seenOnce[(uint)hash % (uint)_seenOnce.Length];
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }

        Volatile.Write(ref slot, hash);
        return false;
    }

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
