using System.Buffers;
using System.Runtime.InteropServices;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Search;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// <see cref="KnowledgeSearch.Answer"/> as it was before it touched only the rows phrases reach (commit 6a20a19): every
/// phrase walked over every row it is in, from its first token, with arrays of every row cleared and scanned. Kept,
/// unchanged but for names, to prove the faster one gives the same answers (<see cref="SearchAnswerEquivalenceTests"/>).
/// </summary>
internal sealed class ReferenceKnowledgeSearch(SearchIndex index, SearchCautions cautions)
{
    private const int MaxStackPhrases = 64;

    [ThreadStatic]
    private static List<long>? s_instances;

    [ThreadStatic]
    private static ulong[]? s_firstTokenPhrases;

    /// <summary>
    /// The answer search gives a person: the rows <see cref="KnowledgeSearch.Find"/> would rank, each with its own bm25 score, chosen
    /// and ordered by what the question says (<see cref="SearchPlan"/>):
    /// <list type="bullet">
    /// <item>When the question says something specific, a hit must contain a specific phrase (one not made only of
    /// generic words, and in at most half the rows: bm25 gives the others a floored weight, the 0 scores of old);
    /// a question whose specific words all match nothing has no hits.</item>
    /// <item>A question only of generic words ("leg cramps") searches them in names and aliases: the records they name.</item>
    /// <item>A treatment the question names, whose caution red flag's situation the question also states, brings the
    /// caution in, first.</item>
    /// <item>A question asking how to stop a cramp now ranks treatments above the rest and preventions last.</item>
    /// <item>A question asking whether something works ranks the hits holding a subject phrase (one not floored) first.</item>
    /// </list>
    /// Within those groups, hits keep the bm25 order, ties in row order; scores are never changed.
    /// </summary>
    public SearchAnswer Answer(SearchPlan plan, IReadOnlyList<string> types, int limit)
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
        var specificRows = ArrayPool<bool>.Shared.Rent(rowCount);
        var named = ArrayPool<bool>.Shared.Rent(rowCount);
        var phraseFound = ArrayPool<bool>.Shared.Rent(phraseCount);
        var phraseDiscriminates = ArrayPool<bool>.Shared.Rent(phraseCount);
        var best = ArrayPool<(int Row, double Score, int Group)>.Shared.Rent(limit);
        try
        {
            frequencies.AsSpan(0, rowCount).Clear();
            scores.AsSpan(0, rowCount).Clear();
            lastPhrase.AsSpan(0, rowCount).Fill(-1);
            matched.AsSpan(0, rowCount).Clear();
            specificRows.AsSpan(0, rowCount).Clear();
            named.AsSpan(0, rowCount).Clear();
            phraseFound.AsSpan(0, phraseCount).Clear();
            phraseDiscriminates.AsSpan(0, phraseCount).Clear();
            var typeMask = SearchColumns.TypeMask(types);
            var subjectRows = new bool[rowCount];
            var reader = new QuestionReader(index, plan.SpecificPhrases, typeMask, specificRows, phraseFound, phraseDiscriminates, plan.SubjectPhrases, subjectRows);
            Score(plan, ranges, firstRange, frequencies, scores, rowsOfPhrase, lastPhrase, matched, ref reader);

            var unmatched = new List<string>();
            var asksUnmatched = false;
            foreach (var word in plan.WordPhrases)
            {
                if (!AnyFound(word.Phrases, phraseFound))
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
                asksSpecifically |= phraseDiscriminates[phrase] && IsSpecific(plan, phrase);
            }

            var genericOnly = !asksUnmatched && !asksSpecifically;
            var causeType = SearchColumns.TypeBit("cause");
            var allCauses = genericOnly && plan.AsksForCauses && (typeMask & causeType) != 0;
            if (allCauses)
            {
                // Every cause is named, whether or not it holds a phrase of the question.
                typeMask = causeType;
                for (var row = 0; row < rowCount; row++)
                {
                    named[row] = (index.Rows[row].TypeBit & causeType) != 0;
                }
            }
            else
            {
                MarkNamed(plan, ranges, firstRange, named, phraseDiscriminates, genericOnly);
                if (genericOnly && !AnyCandidate(named, matched, typeMask))
                {
                    MarkNamed(plan, ranges, firstRange, named, phraseDiscriminates: null, genericOnly);
                }
            }

            var cautionRows = genericOnly ? [] : CautionsSpokenOf(plan, named, typeMask);
            var bestCount = 0;
            for (var row = 0; row < rowCount; row++)
            {
                var isCaution = cautionRows.Contains(row);
                if (isCaution || ((allCauses ? (index.Rows[row].TypeBit & typeMask) != 0 : IsCandidate(row, matched, typeMask))
                    && (genericOnly ? named[row] : specificRows[row])))
                {
                    var group = allCauses ? 100 - index.Rows[row].Record!.SourceCount : Group(index.Rows[row], isCaution, plan.AsksForReliefNow, !genericOnly);
                    group += !allCauses && !isCaution && plan.SubjectPhrases.Count > 0 && !subjectRows[row] ? 10 : 0;
                    KeepRanked(best.AsSpan(0, limit), ref bestCount, (row, scores[row], group));
                }
            }

            var chosen = new (int Row, double Score)[bestCount];
            for (var i = 0; i < bestCount; i++)
            {
                chosen[i] = (best[i].Row, best[i].Score);
            }

            return new SearchAnswer(Hits(plan, ranges, firstRange, chosen), unmatched);
        }
        finally
        {
            ArrayPool<TermRange>.Shared.Return(ranges);
            ArrayPool<double>.Shared.Return(frequencies);
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(rowsOfPhrase);
            ArrayPool<int>.Shared.Return(lastPhrase);
            ArrayPool<bool>.Shared.Return(matched);
            ArrayPool<bool>.Shared.Return(specificRows);
            ArrayPool<bool>.Shared.Return(named);
            ArrayPool<bool>.Shared.Return(phraseFound);
            ArrayPool<bool>.Shared.Return(phraseDiscriminates);
            ArrayPool<(int, double, int)>.Shared.Return(best);
        }
    }

    private static bool AnyFound(int[] phrases, bool[] phraseFound)
    {
        foreach (var phrase in phrases)
        {
            if (phraseFound[phrase])
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSpecific(SearchPlan plan, int phrase) => phrase < plan.SpecificPhrases.Count && plan.SpecificPhrases[phrase];

    private bool IsCandidate(int row, bool[] matched, int typeMask) => matched[row] && (index.Rows[row].TypeBit & typeMask) != 0;

    private bool AnyCandidate(bool[] named, bool[] matched, int typeMask)
    {
        for (var row = 0; row < index.Rows.Length; row++)
        {
            if (named[row] && IsCandidate(row, matched, typeMask))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Marks the rows that phrases name (<see cref="PhraseMatcher.MarkNamed"/>): those telling rows apart, when
    /// <paramref name="phraseDiscriminates"/> is given, and of those only the specific ones unless the question is generic only.
    /// </summary>
    private void MarkNamed(
        SearchPlan plan, TermRange[] ranges, ReadOnlySpan<int> firstRange, bool[] named, bool[]? phraseDiscriminates, bool genericOnly)
    {
        for (var phrase = 0; phrase < plan.Phrases.Count; phrase++)
        {
            if (phraseDiscriminates is null || (phraseDiscriminates[phrase] && (genericOnly || IsSpecific(plan, phrase))))
            {
                MarkNamedByPhrase(index, ranges.AsSpan(firstRange[phrase], firstRange[phrase + 1] - firstRange[phrase]), named);
            }
        }
    }

    /// <summary>
    /// The caution red flags to put first: for each treatment → caution link whose treatment the question names with
    /// a specific phrase (<paramref name="named"/>) and whose situation it states; only when red flags are searched.
    /// </summary>
    private List<int> CautionsSpokenOf(SearchPlan plan, bool[] named, int typeMask)
    {
        var rows = new List<int>();
        foreach (var caution in cautions.All)
        {
            if (named[caution.TreatmentRow] && (index.Rows[caution.RedFlagRow].TypeBit & typeMask) != 0
                && !rows.Contains(caution.RedFlagRow) && IsSpokenOf(caution, plan.AllWords))
            {
                rows.Add(caution.RedFlagRow);
            }
        }

        return rows;
    }

    // Lower groups come first: a caution the question calls for, then (for "how do I stop it now") treatments, with the red
    // flags when the question says something specific, the rest, preventions.
    private static int Group(IndexedRow row, bool isCaution, bool asksForReliefNow, bool asksSpecifically) => isCaution ? 0
        : !asksForReliefNow ? 1
        : row.Type switch { "treatment" => 1, "red-flag" when asksSpecifically => 1, "prevention" => 3, _ => 2 };

    /// <summary>As <see cref="Keep"/>, by group first, then score; ties stay in row order.</summary>
    private static void KeepRanked(Span<(int Row, double Score, int Group)> best, ref int count, (int Row, double Score, int Group) candidate)
    {
        static bool Before((int Row, double Score, int Group) a, (int Row, double Score, int Group) b) =>
            a.Group < b.Group || (a.Group == b.Group && a.Score > b.Score);

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
    /// (<paramref name="firstRange"/> gives where each starts), and marks the rows any phrase is in; tells
    /// <paramref name="observer"/> which rows each phrase is in.
    /// </summary>
    private void Score<TObserver>(
        SearchPlan plan, TermRange[] ranges, Span<int> firstRange, double[] frequencies, double[] scores,
        int[] rowsOfPhrase, int[] lastPhrase, bool[] matched, ref TObserver observer)
        where TObserver : struct, IPhraseRows
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

            observer.Rows(phrase, rowsOfPhrase.AsSpan(0, rowsWithPhrase));
        }
    }

    /// <summary>The hits for the chosen rows, in their order: each with its rounded score and its FTS5 snippet.</summary>
    private SearchHit[] Hits(SearchPlan plan, TermRange[] ranges, ReadOnlySpan<int> firstRange, ReadOnlySpan<(int Row, double Score)> best)
    {
        var phraseCount = plan.Phrases.Count;
        var hits = new SearchHit[best.Length];
        var instances = s_instances ??= new List<long>(256);
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
        if (s_firstTokenPhrases is not { } table || table.Length < index.Terms.Count)
        {
            s_firstTokenPhrases = table = new ulong[index.Terms.Count];
        }

        return table.AsSpan(0, index.Terms.Count);
    }

    private static SearchHit Hit(IndexedRow row, double score, string snippet) => row.Source is { } source
        ? new SearchHit(row.Type, row.Id, source.Title, source.Detail.Summary, score, snippet, null, Contested: false, [])
        : new SearchHit(row.Type, row.Id, row.Record!.Name, row.Record.Summary, score, snippet, row.Record.Urgency,
            row.Record.Row.Contested, row.Record.Citations);

    /// <summary>Told, phrase by phrase as the scores add up, which rows each phrase is in.</summary>
    private interface IPhraseRows
    {
        void Rows(int phrase, ReadOnlySpan<int> rows);
    }

    /// <summary>
    /// Reads, for <see cref="Answer"/>, which phrases were found in the rows of the searched types, which tell rows
    /// apart (in some rows, at most half of them: bm25 floors the weight of the others), and the rows that specific
    /// phrases telling rows apart are in.
    /// </summary>
    private readonly struct QuestionReader(
        SearchIndex index, IReadOnlyList<bool> specificPhrases, int typeMask, bool[] specificRows, bool[] phraseFound, bool[] phraseDiscriminates,
        IReadOnlyList<int> subjectPhrases, bool[] subjectRows)
        : IPhraseRows
    {
        public void Rows(int phrase, ReadOnlySpan<int> rows)
        {
            var discriminates = !rows.IsEmpty && !Bm25.IsFloored(index.Rows.Length, rows.Length);
            phraseDiscriminates[phrase] = discriminates;
            var asks = discriminates && phrase < specificPhrases.Count && specificPhrases[phrase];
            var isSubject = discriminates && subjectPhrases.Contains(phrase);
            foreach (var row in rows)
            {
                specificRows[row] |= asks;
                subjectRows[row] |= isSubject;
                phraseFound[phrase] |= (index.Rows[row].TypeBit & typeMask) != 0;
            }
        }
    }

    /// <summary>
    /// Sets <paramref name="named"/> for each row whose name or aliases hold the phrase: the records it names.
    /// </summary>
    private static void MarkNamedByPhrase(SearchIndex index, ReadOnlySpan<TermRange> ranges, Span<bool> named)
    {
        if (!PhraseMatcher.CanMatch(ranges))
        {
            return;
        }

        for (var term = ranges[0].From; term < ranges[0].To; term++)
        {
            if (!ranges[0].Contains(term))
            {
                continue;
            }

            var postings = index.Postings[term];
            if (ranges.Length == 1)
            {
                foreach (var row in postings.NamingRows)
                {
                    named[row] = true;
                }

                continue;
            }

            foreach (var occurrence in postings.Occurrences)
            {
                var (row, column, position) = index.Locate(occurrence);
                if (SearchColumns.Names(column) && StandsAt(index.Rows[row].Columns[column], position, ranges))
                {
                    named[row] = true;
                }
            }
        }
    }

    /// <summary>A caution's situation stated by the question, read word by word for each caution as before.</summary>
    private static bool IsSpokenOf(SearchCautions.Caution caution, IReadOnlyList<string> words) =>
        caution.Situations.Any(situation => situation.Groups.All(group =>
            Array.Exists(group, phrase => Array.TrueForAll(phrase, w => words.Any(word => CrampKnowledge.Api.Data.RedFlagChecks.PhraseMatcher.SameWord(word, w))))));

    /// <summary>True when the phrase's tokens stand in the column from <paramref name="start"/> on, one at each position.</summary>
    private static bool StandsAt(IndexedColumn column, int start, ReadOnlySpan<TermRange> ranges)
    {
        if (start + ranges.Length > column.Size)
        {
            return false;
        }

        var termIds = column.TermIds;
        for (var i = 0; i < ranges.Length; i++)
        {
            if (!ranges[i].Contains(termIds[start + i]))
            {
                return false;
            }
        }

        return true;
    }
}
