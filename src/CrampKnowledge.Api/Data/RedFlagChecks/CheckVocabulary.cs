using System.Buffers;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// What the red-flag check understands, so that it never answers "none" for words it cannot assess.
/// A description word is understood when it is
/// <list type="number">
/// <item>an ordinary word of seed-data/check-vocabulary.json (any plural or verb ending the rule phrases tolerate) or a number in digits, alone or with a time unit or ordinal ending ("3am", "2nd");</item>
/// <item>inside an occurrence of a known phrase: a record's name or alias, a search synonym, a rule phrase (each part between its gaps),
/// unless the word is on the file's <c>unassessed</c> list ("hot" in "hot weather" is not understood on its own: "my leg is hot");</item>
/// <item>inside an occurrence of one of the file's own ordinary <c>phrases</c> ("hot day", "warm up"), which are understood whole.</item>
/// </list>
/// and it is not inside an occurrence of one of the file's <c>unassessedPhrases</c>: ordinary words that together say something
/// no rule assesses ("can't feel", "passed out"), which are never understood there.
/// Every other word is unassessed: a word we do not know may be a health word, so it is never taken as an all-clear.
/// </summary>
internal sealed class CheckVocabulary
{
    // What may follow the digits of a number that is understood: a time of day, an ordinal, a count or a unit of time or distance.
    private static readonly string[] NumberSuffixes = ["", "am", "pm", "st", "nd", "rd", "th", "s", "x", "h", "hr", "hrs", "min", "mins", "k", "km"];

    private readonly PhraseIndex _index;

    // By phrase word number: an ordinary word, understood wherever it stands.
    private readonly bool[] _ordinary;

    // The known and curated phrases, with whether they are the file's own (which cover listed words), and the unassessed
    // phrases, each filed by the adjacent words they need (AdjacentWordIndex). Testing every phrase that starts with a
    // description word, and every unassessed phrase, cost 55-60 µs of CPU per bench/growth.sh request at 100 times today's
    // content (144,483 known phrases; "legs" starts thousands) against 1.0 µs at 1x; filed, 0.6 µs at both sizes.
    // Kept in one array (PhraseList) rather than an array each: at 100x that is 3 MB less of the resident heap.
    private readonly PhraseList _coveringPhrases;
    private readonly bool[] _coveringIsCurated;
    private readonly AdjacentWordIndex _coveringByWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _listedUnassessed;
    private readonly PhraseList _unassessedPhrases;
    private readonly AdjacentWordIndex _unassessedByWords;

    private CheckVocabulary(
        IReadOnlyList<string> ordinary, IReadOnlyList<string> knownPhrases, IReadOnlyList<string> rulePhrases, IReadOnlyList<string> timePhraseParts,
        IReadOnlyList<string> curatedPhrases, IReadOnlyList<string> unassessed, IReadOnlyList<string> unassessedPhrases)
    {
        // Numbered in this order: the ordinary words, the known phrases (then the rule phrases' parts and the time phrases'),
        // the curated phrases, the unassessed phrases. A text said many times over (at 100x most known phrases are) is split once.
        var words = new PhraseIndexBuilder(ordinary.Count + knownPhrases.Count + rulePhrases.Count + timePhraseParts.Count + curatedPhrases.Count + unassessedPhrases.Count);
        var ordinaryWords = new int[ordinary.Count][];
        for (var i = 0; i < ordinaryWords.Length; i++)
        {
            ordinaryWords[i] = words.Add(ordinary[i]);
        }

        var known = new List<int[]>(knownPhrases.Count);
        foreach (var text in knownPhrases)
        {
            AddIfAnyWords(known, words.Add(text));
        }

        // A rule phrase is known in its parts between gaps: "worse ... at rest" makes "worse" and "at rest".
        foreach (var text in rulePhrases)
        {
            var phrase = words.Add(text);
            for (var start = 0; start < phrase.Length; start++)
            {
                var end = start;
                while (end < phrase.Length && phrase[end] != PhraseIndex.Gap)
                {
                    end++;
                }

                if (end > start)
                {
                    known.Add(end - start == phrase.Length ? phrase : phrase[start..end]);
                }

                start = end;
            }
        }

        foreach (var text in timePhraseParts)
        {
            AddIfAnyWords(known, words.Add(text));
        }

        var curated = new int[curatedPhrases.Count][];
        for (var i = 0; i < curated.Length; i++)
        {
            curated[i] = words.Add(curatedPhrases[i]);
        }

        var unassessedWords = new int[unassessedPhrases.Count][];
        for (var i = 0; i < unassessedWords.Length; i++)
        {
            unassessedWords[i] = words.Add(unassessedPhrases[i]);
        }

        _unassessedPhrases = PhraseList.Of(unassessedWords);

        _index = words.Build();
        // A phrase with a gap never occurs here (no description word reads as one), filed or not: Occurs tests every word.
        _unassessedByWords = new AdjacentWordIndex(_unassessedPhrases, _index.PhraseWordCount);
        _ordinary = new bool[_index.PhraseWordCount];
        foreach (var word in ordinaryWords)
        {
            _ordinary[word[0]] = true;
        }

        // Each phrase once with the same words and the same curation, the first kept.
        var covering = new List<(int[] Words, bool Curated)>(known.Count + curated.Length);
        AddEachOnce(covering, known, curated: false);
        AddEachOnce(covering, curated, curated: true);
        _coveringPhrases = PhraseList.Of([.. covering.Select(c => c.Words)]);
        _coveringIsCurated = [.. covering.Select(c => c.Curated)];
        _coveringByWords = new AdjacentWordIndex(_coveringPhrases, _index.PhraseWordCount);
        _listedUnassessed = unassessed.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        OrdinaryWordCount = ordinary.Count;
        KnownPhraseCount = known.Count;
        OrdinaryPhrases = curatedPhrases;
        ListedUnassessed = unassessed;
        UnassessedPhrases = unassessedPhrases;
    }

    private static void AddIfAnyWords(List<int[]> phrases, int[] phrase)
    {
        if (phrase.Length > 0)
        {
            phrases.Add(phrase);
        }
    }

    private static void AddEachOnce(List<(int[] Words, bool Curated)> covering, IReadOnlyList<int[]> phrases, bool curated)
    {
        var seen = new HashSet<int[]>(phrases.Count, PhraseWordsComparer.Instance);
        foreach (var phrase in phrases)
        {
            if (seen.Add(phrase))
            {
                covering.Add((phrase, curated));
            }
        }
    }

    public int OrdinaryWordCount { get; }

    public int KnownPhraseCount { get; }

    public IReadOnlyList<string> OrdinaryPhrases { get; }

    public IReadOnlyList<string> ListedUnassessed { get; }

    public IReadOnlyList<string> UnassessedPhrases { get; }

    /// <summary>The rules endpoint's account of this vocabulary.</summary>
    public CheckVocabularySummary Summary() => new(
        "A word of the description is understood when it is an ordinary word of seed-data/check-vocabulary.json (with the plural and verb endings "
        + "rule phrases tolerate) or a number in digits (also \"3am\", \"2nd\", \"30s\"); or when it stands inside a known phrase (a record's name or alias, a search synonym, "
        + "a rule phrase) and is not one of unassessedOnTheirOwn; or inside one of ordinaryPhrases; and in every case when it is not "
        + "inside one of unassessedPhrases (ordinary words that together say something no rule assesses, such as \"can't feel\"). "
        + "Every other word is unassessed: the check cannot tell a health word from an ordinary word it does not know, so it does not reassure.",
        OrdinaryWordCount, OrdinaryPhrases, KnownPhraseCount, ListedUnassessed, UnassessedPhrases);

    /// <summary>Built from the snapshot alone, so that it is built beside the rule book rather than after it.</summary>
    public static CheckVocabulary Load(KnowledgeSnapshot snapshot)
    {
        var entries = snapshot.CheckVocabulary;
        var recordPhrases = snapshot.Records.SelectMany(r => r.Aliases.Prepend(r.Name));
        var rulePhrases = RedFlagRuleBook.InBookOrder(snapshot).SelectMany(r => r.Triggers).SelectMany(t => t.Phrases.Concat(t.AlsoPhrases));
        return new CheckVocabulary(
            // The words the check reads itself (negation cues in every spelling, scope ends, number words) are understood like
            // the file's own: "dont", "denies", "neither", "nor".
            entries.Where(e => e.List == CheckWord.WordList).Select(e => e.Text)
                .Concat(DescriptionVocabulary.Words.Where(w => w.Length > 1))
                .Distinct(StringComparer.Ordinal).ToList(),
            recordPhrases.Concat(snapshot.Synonyms.Select(s => s.Phrase)).ToList(),
            rulePhrases.ToList(),
            [.. TimePhraseParts()],
            entries.Where(e => e.List == CheckWord.PhraseList).Select(e => e.Text).ToList(),
            entries.Where(e => e.List == CheckWord.UnassessedList).Select(e => e.Text).ToList(),
            entries.Where(e => e.List == CheckWord.UnassessedPhraseList).Select(e => e.Text).ToList());
    }

    // The time phrases the check reads, as the parts between their numbers: understood only where they stand whole,
    // so "since the fall" is a season while "after a fall" stays unassessed.
    private static IEnumerable<string> TimePhraseParts() => TimePhrases.All
        .SelectMany(p => string.Join(' ', p.Phrase.Words).Split('#', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The words of the description that nothing above understands, as the person wrote them: adjacent ones
    /// (separated only by spaces, hyphens or apostrophes) as one phrase, each phrase once (case-insensitive), in order.
    /// </summary>
    public IReadOnlyList<string> Unassessed(string description)
    {
        if (description.Length == 0)
        {
            return [];
        }

        var words = ArrayPool<Word>.Shared.Rent((description.Length + 1) / 2);
        try
        {
            var count = Read(description, words);
            var understood = 0;
            for (var i = 0; i < count; i++)
            {
                understood += words[i].Understood ? 1 : 0;
            }

            // The phrases that unsay ordinary words are looked for even when every word is ordinary: that is when they matter.
            var denied = Deny(words.AsSpan(0, count));
            var scored = DenyPainScores(description, words.AsSpan(0, count));
            if (understood == count && !denied && !scored)
            {
                return [];
            }

            Cover(words.AsSpan(0, count));
            if (denied)
            {
                Deny(words.AsSpan(0, count));
            }

            if (scored)
            {
                DenyPainScores(description, words.AsSpan(0, count));
            }

            return Collect(description, words.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<Word>.Shared.Return(words);
        }
    }

    private int Read(string description, Word[] words)
    {
        var count = 0;
        Span<char> lower = _index.LongestSpelling <= 256 ? stackalloc char[_index.LongestSpelling] : new char[_index.LongestSpelling];
        var at = 0;
        while (true)
        {
            while (at < description.Length && !IsWordCharacter(description[at]))
            {
                at++;
            }

            var start = at;
            while (at < description.Length && IsWordCharacter(description[at]))
            {
                at++;
            }

            if (at == start)
            {
                return count;
            }

            var text = description.AsSpan(start, at - start);
            int[] numbers = [];
            var listed = false;
            if (text.Length <= lower.Length)
            {
                var spelled = lower[..text.ToLowerInvariant(lower)];
                numbers = _index.PhraseWordsSpelled(spelled);
                listed = _listedUnassessed.Contains(spelled);
            }

            var understood = !listed && (IsNumber(text) || IsOrdinary(numbers));
            words[count++] = new Word(start, at, numbers, listed, understood);
        }
    }

    private bool IsOrdinary(int[] numbers)
    {
        foreach (var number in numbers)
        {
            if (_ordinary[number])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks the words inside every occurrence of a known or curated phrase as understood.</summary>
    private void Cover(Span<Word> words)
    {
        for (var at = 0; at < words.Length; at++)
        {
            foreach (var first in words[at].Numbers)
            {
                Cover(words, at, _coveringByWords.Under(first, AdjacentWordIndex.Alone));
                if (at + 1 < words.Length)
                {
                    foreach (var second in words[at + 1].Numbers)
                    {
                        Cover(words, at, _coveringByWords.Under(first, second));
                    }
                }
            }
        }
    }

    private void Cover(Span<Word> words, int at, ReadOnlySpan<AdjacentWordIndex.Filed> filed)
    {
        foreach (var f in filed)
        {
            var phrase = _coveringPhrases[f.Phrase];
            var curated = _coveringIsCurated[f.Phrase];
            var start = at - f.Offset;
            if (Occurs(words, start, phrase))
            {
                for (var i = start; i < start + phrase.Length; i++)
                {
                    words[i].Understood |= curated || !words[i].Listed;
                }
            }
        }
    }

    /// <summary>Marks the words inside every occurrence of an unassessed phrase as not understood; true when there was one.</summary>
    private bool Deny(Span<Word> words)
    {
        var found = false;
        for (var at = 0; at < words.Length; at++)
        {
            foreach (var first in words[at].Numbers)
            {
                found |= Deny(words, at, _unassessedByWords.Under(first, AdjacentWordIndex.Alone));
                if (at + 1 < words.Length)
                {
                    foreach (var second in words[at + 1].Numbers)
                    {
                        found |= Deny(words, at, _unassessedByWords.Under(first, second));
                    }
                }
            }
        }

        return found;
    }

    private bool Deny(Span<Word> words, int at, ReadOnlySpan<AdjacentWordIndex.Filed> filed)
    {
        var found = false;
        foreach (var f in filed)
        {
            var phrase = _unassessedPhrases[f.Phrase];
            var start = at - f.Offset;
            if (Occurs(words, start, phrase))
            {
                found = true;
                for (var i = start; i < start + phrase.Length; i++)
                {
                    words[i].Understood = false;
                }
            }
        }

        return found;
    }

    /// <summary>Marks the words of every pain score (<see cref="PainScores"/>) as not understood; true when there was one.</summary>
    private static bool DenyPainScores(string description, Span<Word> words)
    {
        var found = false;
        foreach (var score in PainScores.In(description))
        {
            foreach (ref var word in words)
            {
                if (word.Start >= score.Index && word.Start < score.Index + score.Length)
                {
                    (word.Understood, found) = (false, true);
                }
            }
        }

        return found;
    }

    /// <summary>The phrase's words, one after another, from <paramref name="start"/>.</summary>
    private static bool Occurs(Span<Word> words, int start, ReadOnlySpan<int> phrase)
    {
        if (start < 0 || start + phrase.Length > words.Length)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            if (Array.IndexOf(words[start + i].Numbers, phrase[i]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> Collect(string description, Span<Word> words)
    {
        var unassessed = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Understood)
            {
                continue;
            }

            var last = i;
            while (last + 1 < words.Length && !words[last + 1].Understood && JoinsWords(description.AsSpan(words[last].End, words[last + 1].Start - words[last].End)))
            {
                last++;
            }

            var phrase = description[words[i].Start..words[last].End];
            if (!unassessed.Contains(phrase, StringComparer.OrdinalIgnoreCase))
            {
                unassessed.Add(phrase);
            }

            i = last;
        }

        return unassessed;
    }

    private static bool JoinsWords(ReadOnlySpan<char> between)
    {
        foreach (var c in between)
        {
            // A slash too: "8/10" is one score, "tingling/burning" one description.
            if (!char.IsWhiteSpace(c) && c is not '-' and not '\'' and not '’' and not '/')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Digits, optionally with a unit of time or an ordinal ending: "3", "3am", "10pm", "2nd", "30s", "5min".</summary>
    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        var rest = word[digits..];
        foreach (var suffix in NumberSuffixes)
        {
            if (rest.Equals(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }


    // The description's words are split as the rule phrases' are (FoundPhrases): runs of letters and digits.
    private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsNumber(c);

    private record struct Word(int Start, int End, int[] Numbers, bool Listed, bool Understood);
}
