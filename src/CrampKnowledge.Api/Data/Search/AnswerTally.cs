namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// What one question adds up per row, for <see cref="KnowledgeSearch.Answer"/>: per phrase its bm25 statistics, and
/// per row the part of its score that phrases telling rows apart give, which phrases those were, and whether specific
/// phrases or names reach it. Only the rows a phrase reaches are ever touched, and only they are reset afterwards, so a
/// question's cost follows what it matches, not the size of the index.
/// A phrase in at least half the rows (bm25 floors its weight at 1e-6: "cramp", "leg") is not walked at all: it can add
/// at most 2.2e-6 to a row, so it is added, exactly, only to the rows that could still rank (<see cref="Frequency"/>).
/// </summary>
internal sealed class AnswerTally
{
    /// <summary>Per-row flags.</summary>
    public const byte Touched = 1, Specific = 2, Named = 4;

    // Most of what a floored phrase can add to a row: idf 1e-6 times f·(K1 + 1)/(f + norm), which stays below K1 + 1.
    private const double FlooredPhraseBound = 1e-6 * 2.2;

    // Past this many terms for a phrase's other tokens together, MatchPhrase reads the token array instead of cursors.
    private const int MaxCursorTerms = 16;

    [ThreadStatic]
    private static AnswerTally? t_spare;

    private readonly SearchIndex _index;
    private readonly double[] _partial;
    private readonly double[] _frequency;
    private readonly int[] _lastEntry;
    private readonly byte[] _flags;
    private int[] _touched = new int[256];
    private int _touchedCount;
    private int[] _phraseRows = new int[256];
    private int _phraseRowCount;
    private Entry[] _entries = new Entry[1024];
    private int _entryCount;
    private (int Row, double Frequency)[] _matches = new (int, double)[256];
    private int _matchCount;
    private int[] _namingRows = new int[64];
    private int _namingCount;
    private int[] _namedRows = new int[64];
    private int _namedCount;
    private PhraseStatistics[] _phrases = new PhraseStatistics[16];
    private readonly OccurrenceCursor[] _cursors = new OccurrenceCursor[MaxCursorTerms];
    private int[] _cursorFrom = new int[8];

    private AnswerTally(SearchIndex index)
    {
        _index = index;
        var rowCount = index.Rows.Length;
        _partial = new double[rowCount];
        _frequency = new double[rowCount];
        _lastEntry = new int[rowCount];
        Array.Fill(_lastEntry, -1);
        _flags = new byte[rowCount];
    }

    /// <summary>This thread's tally for the index, all rows clear; give it back with <see cref="Return"/>.</summary>
    public static AnswerTally Rent(SearchIndex index)
    {
        var tally = t_spare;
        t_spare = null;
        return tally is not null && ReferenceEquals(tally._index, index) ? tally : new AnswerTally(index);
    }

    /// <summary>Clears the rows this question touched and keeps the tally for the thread's next question.</summary>
    public void Return()
    {
        foreach (var row in _touched.AsSpan(0, _touchedCount))
        {
            _partial[row] = 0.0;
            _lastEntry[row] = -1;
            _flags[row] = 0;
        }

        _touchedCount = _entryCount = _matchCount = _namingCount = _namedCount = _phraseRowCount = 0;
        t_spare = this;
    }

    public ReadOnlySpan<int> TouchedRows => _touched.AsSpan(0, _touchedCount);

    /// <summary>The rows flagged <see cref="Named"/>, in the order they were named.</summary>
    public ReadOnlySpan<int> NamedRows => _namedRows.AsSpan(0, _namedCount);

    public byte FlagsOf(int row) => _flags[row];

    /// <summary>The sum of what the phrases that tell rows apart add to the row: its score, less at most <see cref="FlooredBound"/>.</summary>
    public double PartialScore(int row) => _partial[row];

    public ReadOnlySpan<PhraseStatistics> Phrases => _phrases;

    /// <summary>The most that floored phrases add to any row's score together.</summary>
    public double FlooredBound { get; private set; }

    public void StartPhrases(int phraseCount)
    {
        if (_phrases.Length < phraseCount)
        {
            _phrases = new PhraseStatistics[phraseCount];
        }

        _phrases.AsSpan(0, phraseCount).Clear();
        FlooredBound = 0.0;
    }

    /// <summary>
    /// Counts one phrase over the index as bm25 does (in how many rows, how often in each) and, unless it is floored,
    /// adds its part to each row it is in; marks those rows <see cref="Specific"/> when <paramref name="specific"/>.
    /// </summary>
    public void Count(int phrase, ReadOnlySpan<TermRange> ranges, bool specific, int typeMask)
    {
        ref var statistics = ref _phrases[phrase];
        if (!PhraseMatcher.CanMatch(ranges))
        {
            return;
        }

        var rowCount = _index.Rows.Length;
        if (ranges.Length == 1 && IsFlooredWithoutCounting(ranges[0], rowCount))
        {
            statistics.Floored = true;
            statistics.Found = (TypeBits(ranges[0]) & typeMask) != 0;
            FlooredBound += FlooredPhraseBound;
            return;
        }

        if (ranges.Length == 1 && ranges[0].To - ranges[0].From == 1)
        {
            // One term: its rows and weights are summed already, each row once.
            var postings = _index.Postings[ranges[0].From];
            AddRows(phrase, ref statistics, postings.Rows, postings.RowWeights, specific);
            statistics.Found = (postings.TypeBits & typeMask) != 0;
            return;
        }

        _phraseRowCount = 0;
        if (ranges.Length == 1)
        {
            SumTerms(ranges[0]);
        }
        else
        {
            statistics.MatchesFrom = _matchCount;
            statistics.NamingFrom = _namingCount;
            MatchPhrase(ranges);
            statistics.NamingTo = _namingCount;
        }

        var rows = _phraseRows.AsSpan(0, _phraseRowCount);
        if (Bm25.IsFloored(rowCount, rows.Length))
        {
            if (ranges.Length > 1)
            {
                // Its frequencies are looked up for the rows that could rank: kept by row (walking several terms interleaves them).
                rows.Sort();
                EnsureMatches(rows.Length);
                foreach (var row in rows)
                {
                    _matches[_matchCount++] = (row, _frequency[row]);
                }

                statistics.MatchesTo = _matchCount;
            }

            statistics.Floored = true;
            FlooredBound += FlooredPhraseBound;
            foreach (var row in rows)
            {
                statistics.Found |= (_index.RowTypeBits[row] & typeMask) != 0;
                _frequency[row] = 0.0;
            }

            return;
        }

        statistics.Discriminates = rows.Length > 0;
        statistics.Idf = Bm25.InverseDocumentFrequency(rowCount, rows.Length);
        var asks = statistics.Discriminates && specific;
        foreach (var row in rows)
        {
            Add(phrase, row, _frequency[row], statistics.Idf, asks);
            statistics.Found |= (_index.RowTypeBits[row] & typeMask) != 0;
            _frequency[row] = 0.0;
        }
    }

    /// <summary>
    /// Sets <see cref="Named"/> on each row whose name or aliases hold the phrase (<see cref="PhraseMatcher.MarkNamed"/>);
    /// returns how many of them are of the searched types and were not named before.
    /// </summary>
    public int MarkNamed(int phrase, ReadOnlySpan<TermRange> ranges, int typeMask)
    {
        if (!PhraseMatcher.CanMatch(ranges))
        {
            return 0;
        }

        var newlyNamed = 0;
        if (ranges.Length > 1)
        {
            ref readonly var statistics = ref _phrases[phrase];
            foreach (var row in _namingRows.AsSpan(statistics.NamingFrom, statistics.NamingTo - statistics.NamingFrom))
            {
                newlyNamed += Name(row, typeMask);
            }

            return newlyNamed;
        }

        for (var term = ranges[0].From; term < ranges[0].To; term++)
        {
            if (ranges[0].Contains(term))
            {
                foreach (var row in _index.Postings[term].NamingRows)
                {
                    newlyNamed += Name(row, typeMask);
                }
            }
        }

        return newlyNamed;
    }

    /// <summary>Sets <see cref="Named"/> on every row of the types (a question that asks for a type of record, not a subject).</summary>
    public void NameAll(int typeMask)
    {
        var typeBits = _index.RowTypeBits;
        for (var row = 0; row < typeBits.Length; row++)
        {
            if ((typeBits[row] & typeMask) != 0)
            {
                Name(row, typeMask);
            }
        }
    }

    /// <summary>
    /// The row's score exactly as bm25 adds it up: each phrase's part in phrase order, the floored phrases' looked up.
    /// </summary>
    /// <param name="frequencies">Scratch, one per phrase.</param>
    public double Score(int row, ReadOnlySpan<TermRange> ranges, ReadOnlySpan<int> firstRange, Span<double> frequencies)
    {
        frequencies.Clear();
        for (var entry = _lastEntry[row]; entry >= 0; entry = _entries[entry].Previous)
        {
            frequencies[_entries[entry].Phrase] = _entries[entry].Frequency;
        }

        var score = 0.0;
        var norm = _index.LengthNorms[row];
        for (var phrase = 0; phrase < frequencies.Length; phrase++)
        {
            ref readonly var statistics = ref _phrases[phrase];
            var frequency = statistics.Floored
                ? Frequency(row, ranges[firstRange[phrase]..firstRange[phrase + 1]], statistics)
                : frequencies[phrase];
            if (frequency != 0.0)
            {
                score += Bm25.PhraseScore(statistics.Floored ? 1e-6 : statistics.Idf, frequency, norm);
            }
        }

        return score;
    }

    /// <summary>True when one of the phrases is in the row; a floored phrase (in half the rows or more) never counts.</summary>
    public bool HoldsAny(int row, IReadOnlyList<int> phrases)
    {
        for (var entry = _lastEntry[row]; entry >= 0; entry = _entries[entry].Previous)
        {
            for (var i = 0; i < phrases.Count; i++)
            {
                if (phrases[i] == _entries[entry].Phrase)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How often a floored phrase is in the row, as bm25 counts it: its column weights, summed.</summary>
    private double Frequency(int row, ReadOnlySpan<TermRange> ranges, in PhraseStatistics statistics)
    {
        if (ranges.Length > 1)
        {
            var matches = _matches.AsSpan(statistics.MatchesFrom, statistics.MatchesTo - statistics.MatchesFrom);
            var (low, high) = (0, matches.Length);
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (matches[middle].Row < row)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low < matches.Length && matches[low].Row == row ? matches[low].Frequency : 0.0;
        }

        var frequency = 0.0;
        for (var term = ranges[0].From; term < ranges[0].To; term++)
        {
            if (ranges[0].Contains(term))
            {
                frequency += _index.Postings[term].WeightIn(row);
            }
        }

        return frequency;
    }

    /// <summary>
    /// True when one term of the range is in at least half the rows: the phrase is in as many, so bm25 floors its
    /// weight whatever the others add, and its rows need not be counted.
    /// </summary>
    private bool IsFlooredWithoutCounting(TermRange range, int rowCount)
    {
        for (var term = range.From; term < range.To; term++)
        {
            if (range.Contains(term) && Bm25.IsFloored(rowCount, _index.Postings[term].Rows.Length))
            {
                return true;
            }
        }

        return false;
    }

    private int TypeBits(TermRange range)
    {
        var bits = 0;
        for (var term = range.From; term < range.To; term++)
        {
            if (range.Contains(term))
            {
                bits |= _index.Postings[term].TypeBits;
            }
        }

        return bits;
    }

    private void AddRows(int phrase, ref PhraseStatistics statistics, int[] rows, float[] weights, bool specific)
    {
        statistics.Discriminates = rows.Length > 0;
        statistics.Idf = Bm25.InverseDocumentFrequency(_index.Rows.Length, rows.Length);
        var asks = statistics.Discriminates && specific;
        for (var i = 0; i < rows.Length; i++)
        {
            Add(phrase, rows[i], weights[i], statistics.Idf, asks);
        }
    }

    /// <summary>A prefix's terms summed per row into <see cref="_frequency"/>, the rows listed once each.</summary>
    private void SumTerms(TermRange range)
    {
        for (var term = range.From; term < range.To; term++)
        {
            if (!range.Contains(term))
            {
                continue;
            }

            var postings = _index.Postings[term];
            for (var i = 0; i < postings.Rows.Length; i++)
            {
                AddToPhrase(postings.Rows[i], postings.RowWeights[i]);
            }
        }
    }

    /// <summary>
    /// The phrase's matches summed per row into <see cref="_frequency"/>, and the rows whose name or aliases hold it.
    /// Walks the occurrences of its rarest token and reads the tokens around each: the same matches as walking the
    /// first token's (each match has one token at each place), at the cost of the rarest.
    /// </summary>
    private void MatchPhrase(ReadOnlySpan<TermRange> ranges)
    {
        var rarest = 0;
        var fewest = long.MaxValue;
        for (var i = 0; i < ranges.Length; i++)
        {
            long occurrences = 0;
            for (var term = ranges[i].From; term < ranges[i].To; term++)
            {
                occurrences += ranges[i].Contains(term) ? _index.Postings[term].Occurrences.Length : 0;
            }

            if (occurrences < fewest)
            {
                (rarest, fewest) = (i, occurrences);
            }
        }

        if (CursorsFor(ranges, rarest))
        {
            MatchPhraseByCursors(ranges, rarest);
            return;
        }

        var tokens = _index.Tokens;
        var columnStarts = _index.ColumnStarts;
        for (var term = ranges[rarest].From; term < ranges[rarest].To; term++)
        {
            if (!ranges[rarest].Contains(term))
            {
                continue;
            }

            var postings = _index.Postings[term];
            var locator = new OccurrenceLocator(columnStarts, postings.Rows);
            foreach (var occurrence in postings.Occurrences)
            {
                // The end marks around a column stop a phrase that would start before it or run past it (FollowedBy's
                // bound): a start before the column reads the previous column's end mark, which no range contains.
                var at = occurrence - rarest;
                if (at < 0)
                {
                    continue;
                }

                var stands = true;
                for (var i = 0; i < ranges.Length && stands; i++)
                {
                    stands = ranges[i].Contains(tokens[at + i]);
                }

                if (stands)
                {
                    var (row, column) = locator.Locate(occurrence);
                    AddToPhrase(row, SearchColumns.Weights[column]);
                    if (SearchColumns.Names(column))
                    {
                        AddNaming(row);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sets up <see cref="_cursors"/> for <see cref="MatchPhraseByCursors"/>: one per term of each token but the rarest
    /// (token i's from <see cref="_cursorFrom"/>[i]). False, and none, when the other tokens match more than
    /// <see cref="MaxCursorTerms"/> terms together (a short prefix): the token array is read then.
    /// </summary>
    private bool CursorsFor(ReadOnlySpan<TermRange> ranges, int rarest)
    {
        var count = 0;
        for (var i = 0; i < ranges.Length; i++)
        {
            for (var term = ranges[i].From; i != rarest && term < ranges[i].To; term++)
            {
                count += ranges[i].Contains(term) ? 1 : 0;
            }
        }

        if (count > MaxCursorTerms)
        {
            return false;
        }

        if (_cursorFrom.Length < ranges.Length + 1)
        {
            _cursorFrom = new int[ranges.Length + 1];
        }

        return true;
    }

    /// <summary>
    /// <see cref="MatchPhrase"/> for phrases whose other tokens match few terms: the same occurrences of the rarest
    /// token walked in the same order, each tested against the other tokens' own occurrence lists
    /// (<see cref="OccurrenceCursor"/>) instead of the token array. A token stands at a place exactly when one of its
    /// terms occurs there, and past the column's end none does, so the same matches are added in the same order.
    /// Written for the 100× search (issue 19 §2): a profile of the published API there put 38% of the search's samples in
    /// the token-array probes; the gain of this path over them is not measured yet (the machine was too loaded).
    /// </summary>
    private void MatchPhraseByCursors(ReadOnlySpan<TermRange> ranges, int rarest)
    {
        for (var term = ranges[rarest].From; term < ranges[rarest].To; term++)
        {
            if (!ranges[rarest].Contains(term))
            {
                continue;
            }

            // The rarest's terms are walked one after another, each in ascending order: the cursors start over for each.
            var cursors = 0;
            for (var i = 0; i < ranges.Length; i++)
            {
                _cursorFrom[i] = cursors;
                for (var other = ranges[i].From; i != rarest && other < ranges[i].To; other++)
                {
                    if (ranges[i].Contains(other))
                    {
                        _cursors[cursors++] = new OccurrenceCursor(_index.Postings[other].Occurrences);
                    }
                }
            }

            _cursorFrom[ranges.Length] = cursors;
            var postings = _index.Postings[term];
            var locator = new OccurrenceLocator(_index.ColumnStarts, postings.Rows);
            foreach (var occurrence in postings.Occurrences)
            {
                var stands = true;
                for (var i = 0; i < ranges.Length && stands; i++)
                {
                    if (i == rarest)
                    {
                        continue;
                    }

                    // i - rarest tokens on in SearchIndex.Tokens. A phrase that would start before the column or run past
                    // it reaches an end mark, where no term occurs; the places asked of each cursor still only grow.
                    var place = occurrence + (i - rarest);
                    stands = false;
                    for (var cursor = _cursorFrom[i]; cursor < _cursorFrom[i + 1] && !stands; cursor++)
                    {
                        stands = _cursors[cursor].Holds(place);
                    }
                }

                if (stands)
                {
                    var (row, column) = locator.Locate(occurrence);
                    AddToPhrase(row, SearchColumns.Weights[column]);
                    if (SearchColumns.Names(column))
                    {
                        AddNaming(row);
                    }
                }
            }
        }
    }

    private void AddToPhrase(int row, double weight)
    {
        if (_frequency[row] == 0.0)
        {
            if (_phraseRowCount == _phraseRows.Length)
            {
                Array.Resize(ref _phraseRows, _phraseRows.Length * 2);
            }

            _phraseRows[_phraseRowCount++] = row;
        }

        _frequency[row] += weight;
    }

    private void AddNaming(int row)
    {
        if (_namingCount > 0 && _namingRows[_namingCount - 1] == row)
        {
            return;
        }

        if (_namingCount == _namingRows.Length)
        {
            Array.Resize(ref _namingRows, _namingRows.Length * 2);
        }

        _namingRows[_namingCount++] = row;
    }

    private void EnsureMatches(int more)
    {
        if (_matchCount + more > _matches.Length)
        {
            Array.Resize(ref _matches, Math.Max(_matches.Length * 2, _matchCount + more));
        }
    }

    private void Add(int phrase, int row, double frequency, double idf, bool asks)
    {
        Touch(row);
        _partial[row] += Bm25.PhraseScore(idf, frequency, _index.LengthNorms[row]);
        if (asks)
        {
            _flags[row] |= Specific;
        }

        if (_entryCount == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_entryCount] = new Entry(phrase, frequency, _lastEntry[row]);
        _lastEntry[row] = _entryCount++;
    }

    private int Name(int row, int typeMask)
    {
        Touch(row);
        if ((_flags[row] & Named) != 0)
        {
            return 0;
        }

        _flags[row] |= Named;
        if (_namedCount == _namedRows.Length)
        {
            Array.Resize(ref _namedRows, _namedRows.Length * 2);
        }

        _namedRows[_namedCount++] = row;
        return (_index.RowTypeBits[row] & typeMask) != 0 ? 1 : 0;
    }

    private void Touch(int row)
    {
        if (_flags[row] != 0)
        {
            return;
        }

        _flags[row] = Touched;
        if (_touchedCount == _touched.Length)
        {
            Array.Resize(ref _touched, _touched.Length * 2);
        }

        _touched[_touchedCount++] = row;
    }

    /// <summary>One phrase's part in one row: how often it is there, and the row's entry for the phrase before it.</summary>
    private readonly record struct Entry(int Phrase, double Frequency, int Previous);

    /// <summary>One phrase of the question over the whole index.</summary>
    internal struct PhraseStatistics
    {
        /// <summary>bm25's idf, when not <see cref="Floored"/>.</summary>
        public double Idf;

        /// <summary>In at least half the rows: bm25's weight is 1e-6, and its rows were not added up.</summary>
        public bool Floored;

        /// <summary>In some rows, fewer than half: it tells rows apart.</summary>
        public bool Discriminates;

        /// <summary>In some row of the searched types.</summary>
        public bool Found;

        /// <summary>For a floored phrase of several tokens, its rows and frequencies in <see cref="_matches"/>, by row.</summary>
        public int MatchesFrom, MatchesTo;

        /// <summary>For a phrase of several tokens, the rows it names, in <see cref="_namingRows"/>.</summary>
        public int NamingFrom, NamingTo;
    }
}
