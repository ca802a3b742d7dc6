using System.Buffers;
using System.Runtime.InteropServices;
using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Answers a search plan from the in-memory <see cref="SearchIndex"/> as the SQLite FTS5 query it
/// replaced did: rows containing any phrase, ranked by <see cref="Bm25"/> (ties in row order), the
/// types filter applied after ranking statistics are taken over all rows, and an FTS5 snippet per hit.
/// <see cref="Answer"/> touches only the rows its phrases reach (<see cref="AnswerTally"/>), walks a phrase of several
/// words from its rarest, never walks a phrase in half the rows, and reads each caution word once per question (issue 19
/// §2): Plan + Answer over bench/growth.sh's 20 questions, thread CPU per question on a quiet machine, 5.7 → 4.9 µs at
/// 1× and 290 → 64 µs at 100× (growth data, medians of 9 rounds, 3 alternating runs): 13× its 1× cost, not yet the 2.5×
/// issue 19 asks for. What remains grows with the rows and occurrences of the phrases that tell rows apart. <see cref="Find"/> is the FTS5 ranking as it was, for the tests and
/// benchmarks that compare with SQLite.
/// </summary>
public sealed class KnowledgeSearch(SearchIndex index, SearchCautions cautions)
{
    private const int MaxStackPhrases = 64;

    private static readonly int CauseType = SearchColumns.TypeBit("cause");

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
        var ranges = ArrayPool<TermRange>.Shared.Rent(tokenCapacity);
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
            Score(plan, ranges, firstRange, frequencies, scores, rowsOfPhrase, lastPhrase, matched);

            var bestCount = 0;
            var typeMask = SearchColumns.TypeMask(types);
            for (var row = 0; row < rowCount; row++)
            {
                if (matched[row] && (index.Rows[row].TypeBit & typeMask) != 0)
                {
                    Keep(best.AsSpan(0, limit), ref bestCount, (row, scores[row]));
                }
            }

            return Hits(plan, ranges, firstRange, best.AsSpan(0, bestCount));
        }
        finally
        {
            ArrayPool<TermRange>.Shared.Return(ranges);
            ArrayPool<double>.Shared.Return(frequencies);
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(rowsOfPhrase);
            ArrayPool<int>.Shared.Return(lastPhrase);
            ArrayPool<bool>.Shared.Return(matched);
            ArrayPool<(int, double)>.Shared.Return(best);
        }
    }

    /// <summary>
    /// The answer search gives a person: the rows <see cref="Find"/> would rank, each with its own bm25 score, chosen
    /// and ordered by what the question says (<see cref="SearchPlan"/>):
    /// <list type="bullet">
    /// <item>When the question says something specific, a hit must contain a specific phrase (one not made only of
    /// generic words, and in at most half the rows: bm25 gives the others a floored weight, the 0 scores of old);
    /// a question whose specific words all match nothing has no hits.</item>
    /// <item>A question only of generic words ("leg cramps") searches them in names and aliases: the records they name.</item>
    /// <item>A treatment the question names, whose caution red flag's situation the question also states, brings the
    /// caution in, first.</item>
    /// <item>A question asking how to stop a cramp now ranks treatments above the rest and preventions last, and when it says
    /// something specific, red flags with the treatments: among the rest, "how do I relieve frequent cramps" listed ten
    /// treatments and neither frequent-cramps red flag. A question of generic words ("what to do during a cramp") names every
    /// red flag with a score of 0, so they stay among the rest.</item>
    /// <item>A question asking why, or for causes, with nothing specific ("what causes leg cramps") has the causes as its hits.</item>
    /// <item>A question asking whether something works ("does magnesium help night cramps") ranks the hits that hold what it
    /// asks about (<see cref="SearchPlan.SubjectPhrases"/>) first.</item>
    /// </list>
    /// Within those groups, hits keep the bm25 order, ties in row order; scores are never changed.
    /// </summary>
    public SearchAnswer Answer(SearchPlan plan, IReadOnlyList<string> types, int limit)
    {
        var phraseCount = plan.Phrases.Count;
        var tokenCapacity = 0;
        foreach (var phrase in plan.Phrases)
        {
            tokenCapacity += phrase.Text.Length;
        }

        Span<int> firstRange = phraseCount <= MaxStackPhrases ? stackalloc int[phraseCount + 1] : new int[phraseCount + 1];
        var ranges = ArrayPool<TermRange>.Shared.Rent(tokenCapacity);
        var tally = AnswerTally.Rent(index);
        try
        {
            var typeMask = SearchColumns.TypeMask(types);
            tally.StartPhrases(phraseCount);
            for (var phrase = 0; phrase < phraseCount; phrase++)
            {
                var size = PhraseMatcher.Resolve(index, plan.Phrases[phrase], ranges.AsSpan(firstRange[phrase]));
                firstRange[phrase + 1] = firstRange[phrase] + size;
                tally.Count(phrase, ranges.AsSpan(firstRange[phrase], size), IsSpecific(plan, phrase), typeMask);
            }

            var phrases = tally.Phrases;
            var unmatched = new List<string>();
            var asksUnmatched = false;
            foreach (var word in plan.WordPhrases)
            {
                if (!AnyFound(word.Phrases, phrases))
                {
                    unmatched.Add(word.Word);
                    asksUnmatched |= !SearchVocabulary.GenericWords.Contains(word.Word);
                }
            }

            // Only specific phrases make hits, and a specific word that matched nothing leaves none. Generic words alone
            // ("leg cramps"; "seized up" is a cramp too, through its synonym) search what was asked: the records they name,
            // by the phrases that tell rows apart when some do ("spasm"), else by all ("cramp" is in most records).
            var asksSpecifically = false;
            for (var phrase = 0; phrase < phraseCount; phrase++)
            {
                asksSpecifically |= phrases[phrase].Discriminates && IsSpecific(plan, phrase);
            }

            var genericOnly = !asksUnmatched && !asksSpecifically;
            var allCauses = genericOnly && plan.AsksForCauses && (typeMask & CauseType) != 0;
            if (allCauses)
            {
                // "What causes leg cramps" names no record: the records it asks for are the causes, all of them. The generic
                // words' bm25 weights are floored, so their order would be noise: the causes most articles name come first.
                typeMask = CauseType;
                tally.NameAll(typeMask);
            }
            else
            {
                var namedCandidates = MarkNamed(plan, ranges, firstRange, tally, typeMask, onlyDiscriminating: true, genericOnly);
                if (genericOnly && namedCandidates == 0)
                {
                    MarkNamed(plan, ranges, firstRange, tally, typeMask, onlyDiscriminating: false, genericOnly);
                }
            }

            var cautionRows = genericOnly ? [] : CautionsSpokenOf(plan, tally, typeMask);
            var chosen = Rank(plan, ranges, firstRange, tally, cautionRows, genericOnly ? AnswerTally.Named : AnswerTally.Specific, typeMask, limit, allCauses);
            return new SearchAnswer(Hits(plan, ranges, firstRange, chosen), unmatched);
        }
        finally
        {
            tally.Return();
            ArrayPool<TermRange>.Shared.Return(ranges);
        }
    }

    /// <summary>
    /// The best <paramref name="limit"/> candidates, by group (by source count when <paramref name="bySources"/>), then score, then row: the rows with <paramref name="candidateFlag"/>
    /// of the searched types, and the cautions first. Exact scores are added up only for the candidates that could rank: those
    /// whose score without floored phrases (<see cref="AnswerTally.PartialScore"/>), plus the most floored phrases can add,
    /// reaches that of the last that would rank without them.
    /// </summary>
    private (int Row, double Score)[] Rank(
        SearchPlan plan, TermRange[] ranges, ReadOnlySpan<int> firstRange, AnswerTally tally, List<int> cautionRows,
        byte candidateFlag, int typeMask, int limit, bool bySources)
    {
        var pooled = ArrayPool<(int Row, double Score, int Group)>.Shared.Rent(tally.TouchedRows.Length + cautionRows.Count);
        try
        {
            var count = 0;
            var asksSpecifically = candidateFlag == AnswerTally.Specific;
            foreach (var row in tally.TouchedRows)
            {
                if ((tally.FlagsOf(row) & candidateFlag) != 0 && (index.RowTypeBits[row] & typeMask) != 0
                    && (cautionRows.Count == 0 || !cautionRows.Contains(row)))
                {
                    // Only a question asking for relief now groups by type: the others leave the row unread.
                    var group = bySources ? SourcesGroup(index.Rows[row])
                        : plan.AsksForReliefNow ? Group(index.Rows[row], isCaution: false, asksForReliefNow: true, asksSpecifically) : 1;
                    if (plan.SubjectPhrases.Count > 0 && !tally.HoldsAny(row, plan.SubjectPhrases))
                    {
                        group += WithoutSubject;
                    }

                    pooled[count++] = (row, tally.PartialScore(row), group);
                }
            }

            foreach (var row in cautionRows)
            {
                pooled[count++] = (row, tally.PartialScore(row), 0);
            }

            var candidates = pooled.AsSpan(0, count);
            if (count > limit)
            {
                candidates = Finalists(candidates, tally.FlooredBound, limit);
            }

            // Without floored phrases the partial score is the score: the same parts added in the same order.
            if (tally.FlooredBound > 0.0)
            {
                var frequencies = new double[plan.Phrases.Count];
                var allRanges = ranges.AsSpan(0, firstRange[plan.Phrases.Count]);
                foreach (ref var candidate in candidates)
                {
                    candidate.Score = tally.Score(candidate.Row, allRanges, firstRange, frequencies);
                }
            }

            candidates.Sort(static (a, b) => a.Group != b.Group ? a.Group.CompareTo(b.Group)
                : a.Score != b.Score ? b.Score.CompareTo(a.Score)
                : a.Row.CompareTo(b.Row));
            var chosen = new (int Row, double Score)[Math.Min(limit, candidates.Length)];
            for (var i = 0; i < chosen.Length; i++)
            {
                chosen[i] = (candidates[i].Row, candidates[i].Score);
            }

            return chosen;
        }
        finally
        {
            ArrayPool<(int, double, int)>.Shared.Return(pooled);
        }
    }

    /// <summary>
    /// The candidates that can still rank, moved to the front: the last that would rank by partial scores sets the bar,
    /// and a candidate whose partial score plus all floored phrases could add stays below it has at least
    /// <paramref name="limit"/> candidates ahead of it whatever its exact score.
    /// </summary>
    private static Span<(int Row, double Score, int Group)> Finalists(
        Span<(int Row, double Score, int Group)> candidates, double flooredBound, int limit)
    {
        Span<(int Row, double Score, int Group)> best = limit <= 64 ? stackalloc (int, double, int)[limit] : new (int, double, int)[limit];
        var bestCount = 0;
        foreach (var candidate in candidates)
        {
            KeepRanked(best, ref bestCount, candidate);
        }

        var last = best[^1];
        // Rounding: partial and exact sums add the same parts in another grouping, a few ulps apart at most.
        var slack = 1e-9 * Math.Max(1.0, Math.Abs(last.Score));
        var kept = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.Group < last.Group || (candidate.Group == last.Group && candidate.Score + flooredBound + slack >= last.Score - slack))
            {
                candidates[kept++] = candidate;
            }
        }

        return candidates[..kept];
    }

    private static bool AnyFound(int[] phrases, ReadOnlySpan<AnswerTally.PhraseStatistics> statistics)
    {
        foreach (var phrase in phrases)
        {
            if (statistics[phrase].Found)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpecific(SearchPlan plan, int phrase) => phrase < plan.SpecificPhrases.Count && plan.SpecificPhrases[phrase];

    /// <summary>
    /// Marks the rows that phrases name (<see cref="AnswerTally.MarkNamed"/>): those telling rows apart, when
    /// <paramref name="onlyDiscriminating"/>, and of those only the specific ones unless the question is generic only.
    /// Returns how many named rows are of the searched types.
    /// </summary>
    private static int MarkNamed(
        SearchPlan plan, TermRange[] ranges, ReadOnlySpan<int> firstRange, AnswerTally tally, int typeMask, bool onlyDiscriminating, bool genericOnly)
    {
        var named = 0;
        for (var phrase = 0; phrase < plan.Phrases.Count; phrase++)
        {
            if (!onlyDiscriminating || (tally.Phrases[phrase].Discriminates && (genericOnly || IsSpecific(plan, phrase))))
            {
                named += tally.MarkNamed(phrase, ranges.AsSpan(firstRange[phrase], firstRange[phrase + 1] - firstRange[phrase]), typeMask);
            }
        }

        return named;
    }

    /// <summary>
    /// The caution red flags to put first: for each treatment → caution link whose treatment the question names with
    /// a specific phrase (<see cref="AnswerTally.Named"/>) and whose situation it states; only when red flags are searched.
    /// </summary>
    private List<int> CautionsSpokenOf(SearchPlan plan, AnswerTally tally, int typeMask)
    {
        var rows = new List<int>();
        SearchCautions.SaidWords? said = null;
        foreach (var treatment in tally.NamedRows)
        {
            foreach (var caution in cautions.OfTreatment(treatment))
            {
                if ((index.RowTypeBits[caution.RedFlagRow] & typeMask) != 0
                    && !rows.Contains(caution.RedFlagRow) && caution.IsSpokenOf(said ??= cautions.Read(plan.AllWords)))
                {
                    rows.Add(caution.RedFlagRow);
                }
            }
        }

        return rows;
    }

    // Added to the group of a hit without the subject of a question asking whether something works: after all that hold it.
    private const int WithoutSubject = 10;

    // For a question that names only a type of record: the records more articles support come first.
    private static int SourcesGroup(IndexedRow row) => 100 - (row.Record?.SourceCount ?? 0);

    // Lower groups come first: a caution the question calls for, then (for "how do I stop it now") treatments, with the red
    // flags when the question says something specific (their scores then say which its words call for), the rest, preventions.
    private static int Group(IndexedRow row, bool isCaution, bool asksForReliefNow, bool asksSpecifically) => isCaution ? 0
        : !asksForReliefNow ? 1
        : row.Type switch { "treatment" => 1, "red-flag" when asksSpecifically => 1, "prevention" => 3, _ => 2 };

    /// <summary>As <see cref="Keep"/>, by group first, then score; ties by row.</summary>
    private static void KeepRanked(Span<(int Row, double Score, int Group)> best, ref int count, (int Row, double Score, int Group) candidate)
    {
        static bool Before((int Row, double Score, int Group) a, (int Row, double Score, int Group) b) =>
            a.Group < b.Group || (a.Group == b.Group && (a.Score > b.Score || (a.Score == b.Score && a.Row < b.Row)));

        if (count == best.Length && !Before(candidate, best[^1]))
        {
            return;
        }

        var at = count;
        while (at > 0 && Before(candidate, best[at - 1]))
        {
            at--;
        }

        var moved = Math.Min(count, best.Length - 1) - at;
        best.Slice(at, moved).CopyTo(best[(at + 1)..]);
        best[at] = candidate;
        count = Math.Min(count + 1, best.Length);
    }

    /// <summary>
    /// Adds up every row's bm25 score phrase by phrase, resolving each phrase's term ranges into <paramref name="ranges"/>
    /// (<paramref name="firstRange"/> gives where each starts), and marks the rows any phrase is in.
    /// </summary>
    private void Score(
        SearchPlan plan, TermRange[] ranges, Span<int> firstRange, double[] frequencies, double[] scores,
        int[] rowsOfPhrase, int[] lastPhrase, bool[] matched)
    {
        var rowCount = index.Rows.Length;
        for (var phrase = 0; phrase < plan.Phrases.Count; phrase++)
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
    }

    /// <summary>The hits for the chosen rows, in their order: each with its rounded score and its FTS5 snippet.</summary>
    private SearchHit[] Hits(SearchPlan plan, TermRange[] ranges, ReadOnlySpan<int> firstRange, ReadOnlySpan<(int Row, double Score)> best)
    {
        var phraseCount = plan.Phrases.Count;
        var hits = new SearchHit[best.Length];
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
            for (var i = 0; i < best.Length; i++)
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
        ? new SearchHit(row.Type, row.Id, source.Title, source.Detail.Summary, score, snippet, null, Contested: false, [])
        : new SearchHit(row.Type, row.Id, row.Record!.Name, row.Record.Summary, score, snippet, row.Record.Urgency,
            row.Record.Row.Contested, row.Record.Citations);
}
