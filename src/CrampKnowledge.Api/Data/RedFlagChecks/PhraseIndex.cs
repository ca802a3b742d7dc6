using System.Runtime.InteropServices;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Every phrase of the rule book, compiled once at load time so that a check reads a description
/// once. Each distinct phrase word gets a number, and every spelling a description word may have to
/// match it (<see cref="PhraseMatcher.SameWord"/>: the word itself, or a plural or verb ending either
/// way) is listed in one dictionary, so a description word costs one lookup instead of an inflection
/// test against every word of every phrase.
/// </summary>
internal sealed class PhraseIndex
{
    /// <summary>Stands for <see cref="PhraseMatcher.Gap"/> in a compiled phrase.</summary>
    public const int Gap = -1;

    /// <summary>The phrase word that stands for any number, in digits or words (the time phrases of <see cref="DescribedAnswers"/>).</summary>
    public const string NumberWord = "#";

    private static readonly string[] Endings = ["s", "es", "ed", "ing"];

    // By phrase word number: the word is a negation cue or a contracted cue's stem ("doesn" of "doesn't").
    private readonly bool[] _cueWords;

    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _phraseWordsBySpelling;

    /// <param name="numbers">Every phrase word with its number, numbered from 0 in the dictionary's order.</param>
    internal PhraseIndex(Dictionary<string, int> numbers) =>
        (_phraseWordsBySpelling, _cueWords, PhraseWordCount, NumberPhraseWords, LongestSpelling) = Spell(numbers);

    /// <summary>
    /// Compiles phrases given as their words (<see cref="PhraseMatcher.PhraseWords"/>) into <paramref name="compiled"/>, in
    /// their order, each new word numbered next, <see cref="Gap"/> for a gap, as <see cref="PhraseIndexBuilder"/> does.
    /// </summary>
    public static PhraseIndex Compile(IReadOnlyList<IReadOnlyList<string>> phrases, out int[][] compiled)
    {
        var builder = new PhraseIndexBuilder();
        compiled = new int[phrases.Count][];
        for (var i = 0; i < phrases.Count; i++)
        {
            compiled[i] = builder.Add(phrases[i]);
        }

        return builder.Build();
    }

    private static (Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> BySpelling, bool[] CueWords, int WordCount, int[] NumberPhraseWords, int LongestSpelling)
        Spell(Dictionary<string, int> numbers)
    {
        // Arrays grown by one rather than lists copied at the end: nearly every spelling matches one phrase word.
        var bySpelling = new Dictionary<string, int[]>(3 * numbers.Count, StringComparer.Ordinal);
        // Every spelling that matches one phrase word shares that word's one-element array (nothing writes to them): an
        // array per spelling was 43,000 more arrays and 1.2 MB more heap at 100x content.
        var alone = new int[numbers.Count][];
        foreach (var (word, number) in numbers)
        {
            // The candidates are generated generously and kept only where the matcher's own rule agrees; a word's
            // numbers are added together, so a candidate generated twice ends its list already.
            foreach (var spelling in Spellings(word))
            {
                if (PhraseMatcher.SameWord(spelling, word))
                {
                    Add(bySpelling, alone, spelling, number, once: true);
                }
            }
        }

        int[] numberPhraseWords = [];
        // A phrase's "#" stands for a number: number words match it, and digits get NumberPhraseWords.
        if (numbers.TryGetValue(NumberWord, out var numberWord))
        {
            numberPhraseWords = [numberWord];
            foreach (var spelling in TimeWords.Numbers.Keys)
            {
                Add(bySpelling, alone, spelling, numberWord, once: false);
            }
        }

        bySpelling.TrimExcess();
        var longestSpelling = 0;
        foreach (var spelling in bySpelling.Keys)
        {
            longestSpelling = Math.Max(longestSpelling, spelling.Length);
        }

        var cueWords = new bool[numbers.Count];
        foreach (var (word, number) in numbers)
        {
            cueWords[number] = (DescriptionVocabulary.Find(word).Roles & (WordRoles.Cue | WordRoles.CueStem)) != 0;
        }

        return (bySpelling.GetAlternateLookup<ReadOnlySpan<char>>(), cueWords, numbers.Count, numberPhraseWords, longestSpelling);
    }

    private static void Add(Dictionary<string, int[]> bySpelling, int[][] alone, string spelling, int number, bool once)
    {
        ref var numbers = ref CollectionsMarshal.GetValueRefOrAddDefault(bySpelling, spelling, out var listed);
        if (!listed)
        {
            numbers = alone[number] ??= [number];
        }
        else if (!once || numbers![^1] != number)
        {
            numbers = [.. numbers!, number];
        }
    }

    public int PhraseWordCount { get; }

    /// <summary>What a number in digits matches: the number phrase word, when some phrase has one.</summary>
    public int[] NumberPhraseWords { get; }

    /// <summary>A description word longer than this matches no phrase word.</summary>
    public int LongestSpelling { get; }

    /// <summary>Reads a description once; its <see cref="FoundPhrases.Find"/> then answers for any phrase of the book. Dispose it to return its buffers.</summary>
    public FoundPhrases Read(string description) => new(this, description);

    /// <summary>True when a compiled phrase says a negation cue itself ("won't go away" does not: "won" is no cue; "never goes away" does).</summary>
    public bool HasOwnCue(int[] phrase)
    {
        foreach (var number in phrase)
        {
            if (number != Gap && _cueWords[number])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The numbers of the phrase words a lower-case description word matches; empty when none.</summary>
    public int[] PhraseWordsSpelled(ReadOnlySpan<char> word) =>
        _phraseWordsBySpelling.TryGetValue(word, out var numbers) ? numbers : [];

    /// <summary>
    /// Every word that <see cref="PhraseMatcher.SameWord"/> could pair with <paramref name="word"/>: the
    /// word, the word with an ending, and the stems the word itself could be an ending away from.
    /// </summary>
    public static IEnumerable<string> Spellings(string word)
    {
        yield return word;
        foreach (var ending in Endings)
        {
            yield return word + ending;
            if (word.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return word[..^ending.Length];
            }
        }

        var root = word[..^1];
        switch (word[^1])
        {
            case 'e':
                yield return word + "d";
                yield return root + "ing";
                break;
            case 'y':
                yield return root + "ies";
                yield return root + "ied";
                break;
            case 'd':
                yield return root;
                break;
        }

        if (word.EndsWith("ing", StringComparison.Ordinal))
        {
            yield return word[..^3] + "e";
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) || word.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }
    }
}
