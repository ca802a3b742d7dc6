using System.Buffers;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// <see cref="CheckVocabulary"/> as it was before its phrases were filed by adjacent words (commit 6a20a19): every phrase
/// that starts with a description word is tested, every unassessed phrase at every word. The oracle for unassessed words.
/// </summary>
internal sealed class ReferenceCheckVocabulary
{
    // What may follow the digits of a number that is understood: a time of day, an ordinal, a count or a unit of time or distance.
    private static readonly string[] NumberSuffixes = ["", "am", "pm", "st", "nd", "rd", "th", "s", "x", "h", "hr", "hrs", "min", "mins", "k", "km"];

    private readonly PhraseIndex _index;

    // By phrase word number: an ordinary word, understood wherever it stands.
    private readonly bool[] _ordinary;

    // By the number of a phrase's first word: the phrases starting with it, and whether they are the file's own (which cover listed words).
    private readonly (int[] Words, bool Curated)[][] _phrasesByFirstWord;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _listedUnassessed;
    private readonly int[][] _unassessedPhrases;

    private ReferenceCheckVocabulary(
        IReadOnlyList<string> ordinary, IReadOnlyList<string> knownPhrases, IReadOnlyList<string> curatedPhrases,
        IReadOnlyList<string> unassessed, IReadOnlyList<string> unassessedPhrases)
    {
        var ordinaryPhrases = ordinary.Select(ReferencePhraseSplitting.Phrase).ToList();
        var known = knownPhrases.Select(ReferencePhraseSplitting.Phrase).Where(p => p.Words.Count > 0).ToList();
        var curated = curatedPhrases.Select(ReferencePhraseSplitting.Phrase).ToList();
        var denied = unassessedPhrases.Select(ReferencePhraseSplitting.Phrase).ToList();
        var all = ordinaryPhrases.Concat(known).Concat(curated).Concat(denied).ToList();
        _index = PhraseIndex.Compile([.. all.Select(p => p.Words)], out var compiledWords);
        var compiled = new Dictionary<CheckPhrase, int[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < all.Count; i++)
        {
            compiled[all[i]] = compiledWords[i];
        }

        int[] Compiled(CheckPhrase phrase) => compiled[phrase];
        _unassessedPhrases = [.. denied.Select(Compiled)];
        _ordinary = new bool[_index.PhraseWordCount];
        foreach (var phrase in ordinaryPhrases)
        {
            _ordinary[Compiled(phrase)[0]] = true;
        }

        _phrasesByFirstWord = new (int[], bool)[_index.PhraseWordCount][];
        var phrasesByFirstWord = known.Select(p => (Words: Compiled(p), Curated: false))
            .Concat(curated.Select(p => (Words: Compiled(p), Curated: true)))
            .DistinctBy(p => (string.Join(' ', p.Words), p.Curated))
            .GroupBy(p => p.Words[0]);
        foreach (var phrases in phrasesByFirstWord)
        {
            _phrasesByFirstWord[phrases.Key] = [.. phrases];
        }
        _listedUnassessed = unassessed.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        KnownPhraseCount = known.Count;
    }

    /// <summary>The known phrases with words, each as often as it is listed: the count the rules endpoint reports.</summary>
    public int KnownPhraseCount { get; }

    public static ReferenceCheckVocabulary Load(KnowledgeSnapshot snapshot, RedFlagRuleBook rules)
    {
        var entries = snapshot.CheckVocabulary;
        var rulePhrases = RuleBookPhrases.Triggers(rules).Select(p => p.Phrase)
            .SelectMany(p => string.Join(' ', p.Words).Split(PhraseMatcher.Gap, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var recordPhrases = snapshot.Records.SelectMany(r => r.Aliases.Prepend(r.Name));
        return new ReferenceCheckVocabulary(
            // The words the check reads itself (negation cues in every spelling, scope ends, number words) are understood like
            // the file's own: "dont", "denies", "neither", "nor".
            entries.Where(e => e.List == CheckWord.WordList).Select(e => e.Text)
                .Concat(DescriptionVocabulary.Words.Where(w => w.Length > 1))
                .Distinct(StringComparer.Ordinal).ToList(),
            recordPhrases.Concat(snapshot.Synonyms.Select(s => s.Phrase)).Concat(rulePhrases).Concat(TimePhraseParts()).ToList(),
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
            var scored = PainScores.In(description).MoveNext();
            if (understood == count && !denied && !scored)
            {
                return [];
            }

            Cover(words.AsSpan(0, count));
            if (denied)
            {
                Deny(words.AsSpan(0, count));
            }

            // A pain score's words are unassessed (PainScores), whatever phrase they are in.
            foreach (var score in PainScores.In(description))
            {
                for (var i = 0; i < count; i++)
                {
                    words[i].Understood &= words[i].Start < score.Index || words[i].Start >= score.Index + score.Length;
                }
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
        for (var start = 0; start < words.Length; start++)
        {
            foreach (var first in words[start].Numbers)
            {
                if (_phrasesByFirstWord[first] is not { } phrases)
                {
                    continue;
                }

                foreach (var (phrase, curated) in phrases)
                {
                    if (start + phrase.Length > words.Length || !Occurs(words, start, phrase))
                    {
                        continue;
                    }

                    for (var i = start; i < start + phrase.Length; i++)
                    {
                        words[i].Understood |= curated || !words[i].Listed;
                    }
                }
            }
        }
    }

    /// <summary>Marks the words inside every occurrence of an unassessed phrase as not understood; true when there was one.</summary>
    private bool Deny(Span<Word> words)
    {
        var found = false;
        foreach (var phrase in _unassessedPhrases)
        {
            for (var start = 0; start + phrase.Length <= words.Length; start++)
            {
                if (Array.IndexOf(words[start].Numbers, phrase[0]) >= 0 && Occurs(words, start, phrase))
                {
                    found = true;
                    for (var i = start; i < start + phrase.Length; i++)
                    {
                        words[i].Understood = false;
                    }
                }
            }
        }

        return found;
    }

    private static bool Occurs(Span<Word> words, int start, int[] phrase)
    {
        for (var i = 1; i < phrase.Length; i++)
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
