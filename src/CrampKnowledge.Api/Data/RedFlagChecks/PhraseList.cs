namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Compiled phrases (word numbers, <see cref="PhraseIndex.Gap"/> for a gap) kept one after another in a single array, phrase
/// p from <c>_starts[p]</c> to <c>_starts[p + 1]</c>. At 100 times today's content the check vocabulary keeps 86,000 phrases of
/// about three words: as an array each, their object headers and lengths were most of the 4.6 MB they took.
/// </summary>
internal sealed class PhraseList
{
    private readonly int[] _words;
    private readonly int[] _starts;

    private PhraseList(int[] words, int[] starts) => (_words, _starts) = (words, starts);

    public int Count => _starts.Length - 1;

    /// <summary>The words of the phrase at <paramref name="position"/>, in the order the phrases were given.</summary>
    public ReadOnlySpan<int> this[int position] => _words.AsSpan(_starts[position], _starts[position + 1] - _starts[position]);

    /// <summary>The phrases copied, in their order.</summary>
    public static PhraseList Of(IReadOnlyList<int[]> phrases)
    {
        var starts = new int[phrases.Count + 1];
        for (var p = 0; p < phrases.Count; p++)
        {
            starts[p + 1] = starts[p] + phrases[p].Length;
        }

        var words = new int[starts[^1]];
        for (var p = 0; p < phrases.Count; p++)
        {
            phrases[p].CopyTo(words, starts[p]);
        }

        return new PhraseList(words, starts);
    }
}
