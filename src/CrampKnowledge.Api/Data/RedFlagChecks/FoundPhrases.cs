using System.Buffers;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// A description read against a <see cref="PhraseIndex"/>: its words, what each matches, and which
/// phrase words it says at all, and which words negation cues deny (<see cref="NegationCues"/>).
/// <see cref="Find"/> follows the rules of <see cref="PhraseMatcher"/> and skips negated occurrences.
/// </summary>
internal sealed class FoundPhrases : IDisposable
{
    private readonly PhraseIndex _index;

    // Rented, as every check reads one description: words hold at least one character and one separator,
    // so a description has at most half its length (rounded up) in words.
    private readonly DescriptionWord[] _words;
    private readonly int _wordCount;

    // One bit per phrase word number: the description says it somewhere.
    private readonly ulong[] _said;

    private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(NegationCues.ClauseBreaks);

    public FoundPhrases(PhraseIndex index, string description)
    {
        _index = index;
        Description = description;
        var saidLength = (index.PhraseWordCount + 63) / 64;
        _said = ArrayPool<ulong>.Shared.Rent(saidLength);
        Array.Clear(_said, 0, saidLength);
        _words = ArrayPool<DescriptionWord>.Shared.Rent((description.Length + 1) / 2);
        var longest = Math.Max(index.LongestSpelling, DescriptionVocabulary.LongestWord);
        Span<char> lower = longest <= 256 ? stackalloc char[longest] : new char[longest];
        var gapStart = 0;
        for (var at = 0; NextWord(description, ref at, out var start); _wordCount++)
        {
            var word = description.AsSpan(start, at - start);
            // Longer than any spelling of a phrase word or listed word: it cannot match one, so it is not even lower-cased.
            var lowered = word.Length > lower.Length ? [] : lower[..word.ToLowerInvariant(lower)];
            var phraseWords = lowered.IsEmpty ? [] : index.PhraseWordsSpelled(lowered);
            var vocabulary = lowered.IsEmpty ? default : DescriptionVocabulary.Find(lowered);
            var number = vocabulary.Number;
            // A count written "3x" ("cramps 2-3x a week") is the number it counts, as CheckVocabulary understands it.
            var digits = word.Length > 1 && word[^1] is 'x' or 'X' ? word[..^1] : word;
            if (number == 0 && digits.Length <= 4 && IsDigits(digits))
            {
                // Digits are not listed as phrase words; they match a phrase's number (#) and only that.
                number = Math.Max(1, int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
                phraseWords = index.NumberPhraseWords;
            }

            foreach (var phraseWord in phraseWords)
            {
                _said[phraseWord / 64] |= 1UL << (phraseWord % 64);
            }

            var gap = description.AsSpan(gapStart, start - gapStart);
            _words[_wordCount] = new DescriptionWord
            {
                Start = start, End = at, PhraseWords = phraseWords, Number = number, Vocabulary = vocabulary,
                BreakBefore = gap.IndexOfAny(ClauseBreaks) >= 0,
                AnswerBefore = gap.IndexOfAny(NegationCues.AnswerMarks) >= 0,
                ApostropheBefore = gap is "'" or "\u2019",
                SlashBefore = gap.Trim(' ') is "/",
                NegatedBy = -1,
            };
            gapStart = at;
        }

        MarkNegations();
    }

    /// <summary>The description as sent.</summary>
    public string Description { get; }

    public int WordCount => _wordCount;

    /// <summary>The word at <paramref name="index"/>, by reference: the arrays are rented and large.</summary>
    public ref readonly DescriptionWord Word(int index) => ref _words[index];

    public IReadOnlyList<DescriptionWord> Words => new ArraySegment<DescriptionWord>(_words, 0, _wordCount);

    public void Dispose()
    {
        ArrayPool<DescriptionWord>.Shared.Return(_words);
        ArrayPool<ulong>.Shared.Return(_said);
    }

    /// <summary>Where a phrase compiled by <see cref="PhraseIndex.Compile"/> first occurs unnegated (character offsets in the description), or null.</summary>
    public (int Start, int End)? Find(int[] words) =>
        FindWords(words) is { } found ? (_words[found.First].Start, _words[found.Last].End) : null;

    /// <summary>
    /// The first and last word of the phrase's first unnegated occurrence, or null. From each start, in
    /// order, the first match the recursion finds counts unless one of its words lies in the scope of a
    /// negation cue: one before the match, or one inside it when the phrase has no cue of its own. A phrase
    /// that says its own negation ("won't go away", "stretch ... doesn't help") is not negated by its own cue.
    /// </summary>
    public (int First, int Last)? FindWords(int[] words) => FindWords(words, evenNegated: false);

    /// <summary>Like <see cref="FindWords(int[])"/>, but the first occurrence, negated or not, and whether it is negated.</summary>
    public (int First, int Last, bool Negated)? FindAnyWords(int[] words) =>
        FindWords(words, evenNegated: true) is { } at ? (at.First, at.Last, IsNegated(words, at.First, at.Last)) : null;

    /// <summary>Whether the description says every word of a compiled phrase somewhere (negated or not, in any order).</summary>
    public bool SaysEveryWord(int[] words)
    {
        foreach (var number in words)
        {
            if (number != PhraseIndex.Gap && (_said[number / 64] & (1UL << (number % 64))) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private (int First, int Last)? FindWords(int[] words, bool evenNegated)
    {
        // Most phrases name a word the description never says; they cannot occur, wherever they might start.
        if (!SaysEveryWord(words))
        {
            return null;
        }

        for (var start = 0; start < _wordCount; start++)
        {
            if (MatchFrom(words, 0, start) is var last and >= 0 && (evenNegated || !IsNegated(words, start, last)))
            {
                return (start, last);
            }
        }

        return null;
    }

    private bool IsNegated(int[] phrase, int first, int last)
    {
        for (var w = first; w <= last; w++)
        {
            var cue = _words[w].NegatedBy;
            if (cue == DescriptionWord.NegatedAfter || (cue >= 0 && (cue < first || !_index.HasOwnCue(phrase))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// NegEx over the words read: each cue (not a pseudo-negation) negates up to <see cref="NegationCues.WindowWords"/>
    /// words after it, stopping at clause punctuation, a terminator, or "and" before a clause opener. A word keeps the
    /// earliest cue that covers it, which is all <see cref="IsNegated"/> needs.
    /// </summary>
    private void MarkNegations()
    {
        for (var cue = 0; cue < _wordCount; cue++)
        {
            if (CueEnd(cue) is not (var end and >= 0))
            {
                continue;
            }

            // "Sudden pain? No.": a cue standing alone right after a question or a label denies the clause before it.
            if (_words[cue].AnswerBefore && (end + 1 == _wordCount || _words[end + 1].BreakBefore))
            {
                MarkClauseBefore(cue);
                continue;
            }

            var counted = 0;
            for (var w = end + 1; w < _wordCount; w++)
            {
                ref var word = ref _words[w];
                var roles = word.Vocabulary.Roles;
                if (word.BreakBefore || (roles & WordRoles.Terminator) != 0
                    || ((roles & WordRoles.And) != 0 && w + 1 < _wordCount && !_words[w + 1].BreakBefore
                        && (_words[w + 1].Vocabulary.Roles & WordRoles.ClauseOpener) != 0))
                {
                    break;
                }

                if (!word.IsTail && ++counted > NegationCues.WindowWords)
                {
                    break;
                }

                if (word.NegatedBy < 0)
                {
                    word.NegatedBy = cue;
                }
            }
        }
    }

    /// <summary>Marks the clause before a post-negation cue, back to its first word and at most the window's length.</summary>
    private void MarkClauseBefore(int cue)
    {
        var counted = 0;
        for (var w = cue - 1; w >= 0; w--)
        {
            ref var word = ref _words[w];
            if (!word.IsTail && ++counted > NegationCues.WindowWords)
            {
                break;
            }

            word.NegatedBy = word.NegatedBy < 0 ? DescriptionWord.NegatedAfter : word.NegatedBy;
            if (word.BreakBefore)
            {
                break;
            }
        }
    }

    /// <summary>The index of the cue's last word when a negation cue starts at <paramref name="at"/> ("don" ' "t" ends at the "t"), else -1.</summary>
    private int CueEnd(int at)
    {
        var entry = _words[at].Vocabulary;
        int end;
        if ((entry.Roles & WordRoles.Cue) != 0)
        {
            end = at;
        }
        else if ((entry.Roles & WordRoles.CueStem) != 0 && at + 1 < _wordCount && _words[at + 1].ApostropheBefore
            && (_words[at + 1].Vocabulary.Roles & WordRoles.TailT) != 0)
        {
            end = at + 1;
        }
        else
        {
            return -1;
        }

        return entry.Cue is { } cue && DescriptionVocabulary.PseudoNegations.TryGetValue(cue, out var pseudos) && FollowedBy(end, pseudos) ? -1 : end;
    }

    /// <summary>True when the words right after <paramref name="end"/> are one of the word lists, in the same clause.</summary>
    private bool FollowedBy(int end, string[][] lists)
    {
        foreach (var list in lists)
        {
            var all = end + list.Length < _wordCount;
            for (var i = 0; all && i < list.Length; i++)
            {
                ref readonly var next = ref _words[end + 1 + i];
                all = !next.BreakBefore && Description.AsSpan(next.Start, next.End - next.Start).Equals(list[i], StringComparison.OrdinalIgnoreCase);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The same recursion as the original matcher, so that the first match found, and so its end, is the
    /// same: index of the description word that ends the match of phrase[p..] at word w, or -1.
    /// </summary>
    private int MatchFrom(int[] phrase, int p, int w)
    {
        if (phrase[p] == PhraseIndex.Gap)
        {
            for (var skip = 0; skip <= PhraseMatcher.MaxGapWords && w + skip < _wordCount; skip++)
            {
                if (MatchFrom(phrase, p + 1, w + skip) is var last and >= 0)
                {
                    return last;
                }
            }

            return -1;
        }

        if (w >= _wordCount || Array.IndexOf(_words[w].PhraseWords, phrase[p]) < 0)
        {
            return -1;
        }

        return p == phrase.Length - 1 ? w : MatchFrom(phrase, p + 1, w + 1);
    }

    /// <summary>
    /// Moves past the next run of letters and digits from <paramref name="at"/>. The characters are those
    /// of the regular expression <c>[\p{L}\p{N}]+</c>, taken one UTF-16 unit at a time as it does, so a
    /// surrogate or a combining mark splits a word there too; apostrophes split words ("can't" → can, t).
    /// </summary>
    private static bool NextWord(string text, ref int at, out int start)
    {
        while (at < text.Length && !IsWordCharacter(text[at]))
        {
            at++;
        }

        start = at;
        while (at < text.Length && IsWordCharacter(text[at]))
        {
            at++;
        }

        return at > start;
    }

    private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsNumber(c);
}
