using System.Buffers;
using System.Net;
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

    public IReadOnlyList<SearchHit> Find(SearchPlan plan, IReadOnlyList<string> types, int limit)
    {
        var phraseCount = plan.Phrases.Count;
        var rowCount = index.Rows.Length;
        Span<int> phraseSizes = phraseCount <= MaxStackPhrases ? stackalloc int[phraseCount] : new int[phraseCount];
        Span<double> idf = phraseCount <= MaxStackPhrases ? stackalloc double[phraseCount] : new double[phraseCount];
        var matches = new List<long>[phraseCount];
        var frequencies = ArrayPool<double>.Shared.Rent(phraseCount * rowCount);
        var matched = ArrayPool<bool>.Shared.Rent(rowCount);
        try
        {
            Array.Clear(frequencies, 0, phraseCount * rowCount);
            Array.Clear(matched, 0, rowCount);
            for (var phrase = 0; phrase < phraseCount; phrase++)
            {
                var found = matches[phrase] = PhraseMatcher.Find(index, plan.Phrases[phrase], out phraseSizes[phrase]);
                var rowsWithPhrase = 0;
                var previousRow = -1;
                foreach (var occurrence in found)
                {
                    var row = SearchIndex.RowOf(occurrence);
                    if (row != previousRow)
                    {
                        rowsWithPhrase++;
                        previousRow = row;
                        matched[row] = true;
                    }

                    frequencies[(row * phraseCount) + phrase] += SearchColumns.Weights[SearchIndex.ColumnOf(occurrence)];
                }

                idf[phrase] = Bm25.InverseDocumentFrequency(rowCount, rowsWithPhrase);
            }

            var best = new List<(int Row, double Score)>(Math.Min(limit, 16));
            for (var row = 0; row < rowCount; row++)
            {
                if (!matched[row] || !Contains(types, index.Rows[row].Type))
                {
                    continue;
                }

                var score = Bm25.Score(idf, frequencies.AsSpan(row * phraseCount, phraseCount), index.Rows[row].TokenCount, index.AverageRowSize);
                Keep(best, (row, score), limit);
            }

            var hits = new SearchHit[best.Count];
            for (var i = 0; i < best.Count; i++)
            {
                var row = index.Rows[best[i].Row];
                var snippet = Snippet(row, matches, phraseSizes);
                hits[i] = Hit(row, Math.Round(best[i].Score, 3), Highlight(snippet));
            }

            return hits;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(frequencies);
            ArrayPool<bool>.Shared.Return(matched);
        }
    }

    /// <summary>
    /// Keeps the best rows so far, best first. Rows arrive in row order and a row only passes an equal
    /// score by being earlier, which is how SQLite's ORDER BY … LIMIT (a sort keyed by value, then
    /// arrival) ordered ties.
    /// </summary>
    private static void Keep(List<(int Row, double Score)> best, (int Row, double Score) candidate, int limit)
    {
        if (best.Count == limit && !(candidate.Score > best[^1].Score))
        {
            return;
        }

        var at = best.Count;
        while (at > 0 && candidate.Score > best[at - 1].Score)
        {
            at--;
        }

        if (best.Count == limit)
        {
            best.RemoveAt(best.Count - 1);
        }

        best.Insert(at, candidate);
    }

    private static bool Contains(IReadOnlyList<string> types, string type)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] == type)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The row's phrase instances in FTS5's order, then the passage around the best of them.</summary>
    private static string Snippet(IndexedRow row, List<long>[] matches, ReadOnlySpan<int> phraseSizes)
    {
        var instances = new List<long>();
        for (var phrase = 0; phrase < matches.Length; phrase++)
        {
            foreach (var occurrence in matches[phrase])
            {
                if (SearchIndex.RowOf(occurrence) == row.Number)
                {
                    instances.Add(PhraseInstance.Pack(SearchIndex.ColumnOf(occurrence), SearchIndex.PositionOf(occurrence), phrase));
                }
            }
        }

        instances.Sort();
        Span<bool> seen = matches.Length <= MaxStackPhrases ? stackalloc bool[matches.Length] : new bool[matches.Length];
        return Fts5Snippet.Build(row, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(instances), phraseSizes, seen);
    }

    private static SearchHit Hit(IndexedRow row, double score, string snippet) => row.Source is { } source
        ? new SearchHit(row.Type, row.Id, source.Title, source.Detail.Summary, score, snippet, null, [])
        : new SearchHit(row.Type, row.Id, row.Record!.Name, row.Record.Summary, score, snippet, row.Record.Urgency, row.Record.Citations);

    /// <summary>HTML-escapes the passage, then turns the snippet's markers into &lt;mark&gt; tags.</summary>
    private static string Highlight(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(Fts5Snippet.MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(Fts5Snippet.MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);
}
