using System.Buffers;
using System.Runtime.InteropServices;
using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Answers a search plan from the in-memory <see cref="SearchIndex"/> as the SQLite FTS5 query it
/// replaced did: rows containing any phrase, ranked by <see cref="Bm25"/> (ties in row order), the
/// types filter applied after ranking statistics are taken over all rows, and an FTS5 snippet per hit.
/// </summary>
public sealed class KnowledgeSearch(SearchIndex index)
{
    private const int MaxStackPhrases = 64;

    // Reused by each request on the thread: a hit's phrase instances, in FTS5's instance order.
    [ThreadStatic]
    private static List<long>? t_instances;

    // Per term id, the phrases the term can start (PhraseMatcher.MarkFirstTokens); all zero between searches, so never cleared whole.
    [ThreadStatic]
    private static ulong[]? t_firstTokenPhrases;

    public IReadOnlyList<SearchHit> Find(SearchPlan plan, IReadOnlyList<string> types, int limit)
    {
        var phraseCount = plan.Phrases.Count;
        var rowCount = index.Rows.Length;
        var tokenCapacity = 0;
        foreach (var phrase in plan.Phrases)
        {
            tokenCapacity += phrase.Text.Length;
        }

        Span<int> firstRange = phraseCount <= MaxStackPhrases ? stackalloc int[phraseCount + 1] : new int[phraseCount + 1];
        var ranges = ArrayPool<(int From, int To)>.Shared.Rent(tokenCapacity);
        var frequencies = ArrayPool<double>.Shared.Rent(rowCount);
        var scores = ArrayPool<double>.Shared.Rent(rowCount);
        var rowsOfPhrase = ArrayPool<int>.Shared.Rent(rowCount);
        var lastPhrase = ArrayPool<int>.Shared.Rent(rowCount);
        var matched = ArrayPool<bool>.Shared.Rent(rowCount);
        var best = ArrayPool<(int Row, double Score)>.Shared.Rent(limit);
        try
        {
            frequencies.AsSpan(0, rowCount).Clear();
            scores.AsSpan(0, rowCount).Clear();
            lastPhrase.AsSpan(0, rowCount).Fill(-1);
            matched.AsSpan(0, rowCount).Clear();
            for (var phrase = 0; phrase < phraseCount; phrase++)
            {
                var size = PhraseMatcher.Resolve(index, plan.Phrases[phrase], ranges.AsSpan(firstRange[phrase]));
                firstRange[phrase + 1] = firstRange[phrase] + size;
                var phraseRanges = ranges.AsSpan(firstRange[phrase], size);
                var rowsWithPhrase = PhraseMatcher.CanMatch(phraseRanges)
                    ? PhraseMatcher.Count(index, phraseRanges, phrase, frequencies, lastPhrase, rowsOfPhrase)
                    : 0;
                var idf = Bm25.InverseDocumentFrequency(rowCount, rowsWithPhrase);
                // bm25 adds phrase by phrase; adding each phrase's part to its rows as soon as it is counted keeps that
                // order, so the sums are the same bits, and only the rows the phrase is in are visited.
                foreach (var row in rowsOfPhrase.AsSpan(0, rowsWithPhrase))
                {
                    scores[row] += Bm25.PhraseScore(idf, frequencies[row], index.LengthNorms[row]);
                    frequencies[row] = 0.0;
                    matched[row] = true;
                }
            }

            var bestCount = 0;
            var typeMask = SearchColumns.TypeMask(types);
            for (var row = 0; row < rowCount; row++)
            {
                if (matched[row] && (index.Rows[row].TypeBit & typeMask) != 0)
                {
                    Keep(best.AsSpan(0, limit), ref bestCount, (row, scores[row]));
                }
            }

            var hits = new SearchHit[bestCount];
            var instances = t_instances ??= new List<long>(256);
            Span<int> phraseSizes = phraseCount <= MaxStackPhrases ? stackalloc int[phraseCount] : new int[phraseCount];
            Span<bool> seen = phraseCount <= MaxStackPhrases ? stackalloc bool[phraseCount] : new bool[phraseCount];
            Span<int> windowCounts = phraseCount <= MaxStackPhrases ? stackalloc int[phraseCount] : new int[phraseCount];
            for (var phrase = 0; phrase < phraseCount; phrase++)
            {
                phraseSizes[phrase] = firstRange[phrase + 1] - firstRange[phrase];
            }

            // A bit per phrase fits a ulong; with more phrases AddInstances tries each phrase at each token.
            var firstTokenPhrases = phraseCount <= 64 ? FirstTokenPhrases(index) : [];
            var allRanges = ranges.AsSpan(0, firstRange[phraseCount]);
            if (!firstTokenPhrases.IsEmpty)
            {
                PhraseMatcher.MarkFirstTokens(allRanges, firstRange, firstTokenPhrases, set: true);
            }

            try
            {
                for (var i = 0; i < bestCount; i++)
                {
                    var row = index.Rows[best[i].Row];
                    instances.Clear();
                    PhraseMatcher.AddInstances(row, allRanges, firstRange, firstTokenPhrases, instances);
                    var snippet = Fts5Snippet.Build(row, CollectionsMarshal.AsSpan(instances), phraseSizes, seen, windowCounts);
                    hits[i] = Hit(row, Math.Round(best[i].Score, 3), snippet);
                }
            }
            finally
            {
                if (!firstTokenPhrases.IsEmpty)
                {
                    PhraseMatcher.MarkFirstTokens(allRanges, firstRange, firstTokenPhrases, set: false);
                }
            }

            return hits;
        }
        finally
        {
            ArrayPool<(int, int)>.Shared.Return(ranges);
            ArrayPool<double>.Shared.Return(frequencies);
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(rowsOfPhrase);
            ArrayPool<int>.Shared.Return(lastPhrase);
            ArrayPool<bool>.Shared.Return(matched);
            ArrayPool<(int, double)>.Shared.Return(best);
        }
    }

    private static Span<ulong> FirstTokenPhrases(SearchIndex index)
    {
        if (t_firstTokenPhrases is not { } table || table.Length < index.Terms.Count)
        {
            t_firstTokenPhrases = table = new ulong[index.Terms.Count];
        }

        return table.AsSpan(0, index.Terms.Count);
    }

    /// <summary>
    /// Keeps the best rows so far, best first. Rows arrive in row order and a row only passes an equal
    /// score by being earlier, which is how SQLite's ORDER BY … LIMIT (a sort keyed by value, then
    /// arrival) ordered ties.
    /// </summary>
    private static void Keep(Span<(int Row, double Score)> best, ref int count, (int Row, double Score) candidate)
    {
        if (count == best.Length && !(candidate.Score > best[^1].Score))
        {
            return;
        }

        var at = count;
        while (at > 0 && candidate.Score > best[at - 1].Score)
        {
            at--;
        }

        // The worst falls off the end when the list is full.
        var moved = Math.Min(count, best.Length - 1) - at;
        best.Slice(at, moved).CopyTo(best[(at + 1)..]);
        best[at] = candidate;
        count = Math.Min(count + 1, best.Length);
    }

    private static SearchHit Hit(IndexedRow row, double score, string snippet) => row.Source is { } source
        ? new SearchHit(row.Type, row.Id, source.Title, source.Detail.Summary, score, snippet, null, [])
        : new SearchHit(row.Type, row.Id, row.Record!.Name, row.Record.Summary, score, snippet, row.Record.Urgency, row.Record.Citations);
}
