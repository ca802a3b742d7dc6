using System.Runtime.InteropServices;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>Compiled phrases (<see cref="PhraseIndexBuilder"/>) are the same when they have the same words in the same order.</summary>
internal sealed class PhraseWordsComparer : IEqualityComparer<int[]>
{
    public static readonly PhraseWordsComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

    public int GetHashCode(int[] phrase)
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(phrase.AsSpan()));
        return hash.ToHashCode();
    }
}
