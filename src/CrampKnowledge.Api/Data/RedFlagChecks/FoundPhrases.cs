using System.Buffers;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// A description read against a <see cref="PhraseIndex"/>: its words, what each matches, and which
/// phrase words it says at all. <see cref="Find"/> follows the rules of <see cref="PhraseMatcher"/>.
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

    public FoundPhrases(PhraseIndex index, string description)
    {
        _index = index;
        var saidLength = (index.PhraseWordCount + 63) / 64;
        _said = ArrayPool<ulong>.Shared.Rent(saidLength);
        Array.Clear(_said, 0, saidLength);
        _words = ArrayPool<DescriptionWord>.Shared.Rent((description.Length + 1) / 2);
        Span<char> lower = index.LongestSpelling <= 256 ? stackalloc char[index.LongestSpelling] : new char[index.LongestSpelling];
        for (var at = 0; NextWord(description, ref at, out var start); _wordCount++)
        {
            var word = description.AsSpan(start, at - start);
            // Longer than any spelling of a phrase word: it cannot match one, so it is not even lower-cased.
            var phraseWords = word.Length > lower.Length ? [] : index.PhraseWordsSpelled(lower[..word.ToLowerInvariant(lower)]);
            foreach (var number in phraseWords)
            {
                _said[number / 64] |= 1UL << (number % 64);
            }

            _words[_wordCount] = new DescriptionWord(start, at, phraseWords);
        }
    }

    public IReadOnlyList<DescriptionWord> Words => new ArraySegment<DescriptionWord>(_words, 0, _wordCount);

    public void Dispose()
    {
        ArrayPool<DescriptionWord>.Shared.Return(_words);
        ArrayPool<ulong>.Shared.Return(_said);
    }

    /// <summary>Where the phrase first occurs (character offsets in the description), or null.</summary>
    public (int Start, int End)? Find(CheckPhrase phrase) => Find(_index.Compiled(phrase));

    /// <summary>Where a phrase compiled by <see cref="PhraseIndex.Compiled"/> first occurs, or null.</summary>
    public (int Start, int End)? Find(int[] words)
    {
        // Most phrases name a word the description never says; they cannot occur, wherever they might start.
        foreach (var number in words)
        {
            if (number != PhraseIndex.Gap && (_said[number / 64] & (1UL << (number % 64))) == 0)
            {
                return null;
            }
        }

        for (var start = 0; start < _wordCount; start++)
        {
            if (MatchFrom(words, 0, start) is var last and >= 0)
            {
                return (_words[start].Start, _words[last].End);
            }
        }

        return null;
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
