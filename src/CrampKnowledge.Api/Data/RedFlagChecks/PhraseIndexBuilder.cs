using System.Runtime.InteropServices;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Numbers the words of phrases for a <see cref="PhraseIndex"/> as they are added: each new word the next number,
/// <see cref="PhraseIndex.Gap"/> for a gap. A text is split (<see cref="PhraseMatcher.NextWord"/>) and lower-cased in place
/// once, and its words are looked up as spans, so only a new word becomes a string; the same text gets the same array.
/// At 100 times today's content, splitting through a regex and a list of strings per text made up a third of the rule
/// book's and the check vocabulary's build, and its garbage most of the collections during it.
/// </summary>
internal sealed class PhraseIndexBuilder
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _numberOf;
    private readonly Dictionary<string, int[]> _compiled;
    private int[] _words = new int[32];
    private char[] _lower = new char[64];

    /// <param name="texts">How many texts are to be added, at most: room is made for them at once.</param>
    public PhraseIndexBuilder(int texts = 0)
    {
        _numberOf = _numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        _compiled = new(texts, StringComparer.Ordinal);
    }

    /// <summary>The text's words as numbers (<see cref="PhraseMatcher.PhraseWords"/> splits it into the same words); never to be changed.</summary>
    public int[] Add(string text)
    {
        // One lookup whether the text is new or not; compiling it does not touch this dictionary.
        ref var compiled = ref CollectionsMarshal.GetValueRefOrAddDefault(_compiled, text, out var seen);
        if (!seen)
        {
            compiled = Compile(text);
        }

        return compiled!;
    }

    /// <summary>Words already split (and lower-cased as they are to be matched) as numbers.</summary>
    public int[] Add(IReadOnlyList<string> words)
    {
        var compiled = new int[words.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = words[i] == PhraseMatcher.Gap ? PhraseIndex.Gap : NumberOf(words[i]);
        }

        return compiled;
    }

    /// <summary>The index of every word added so far.</summary>
    public PhraseIndex Build() => new(_numbers);

    private int[] Compile(string text)
    {
        var count = 0;
        for (var at = 0; PhraseMatcher.NextWord(text, ref at, out var start, out var isGap); count++)
        {
            if (count == _words.Length)
            {
                Array.Resize(ref _words, 2 * count);
            }

            _words[count] = isGap ? PhraseIndex.Gap : NumberOf(Lower(text.AsSpan(start, at - start)));
        }

        return count == 0 ? [] : _words[..count];
    }

    private ReadOnlySpan<char> Lower(ReadOnlySpan<char> word)
    {
        if (word.Length > _lower.Length)
        {
            _lower = new char[Math.Max(word.Length, 2 * _lower.Length)];
        }

        return _lower.AsSpan(0, word.ToLowerInvariant(_lower));
    }

    private int NumberOf(ReadOnlySpan<char> word)
    {
        if (!_numberOf.TryGetValue(word, out var number))
        {
            number = _numbers.Count;
            _numberOf[word] = number;
        }

        return number;
    }
}
