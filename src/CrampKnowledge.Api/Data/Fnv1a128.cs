using System.Globalization;

namespace CrampKnowledge.Api.Data;

/// <summary>
/// FNV-1a with a 128-bit state: a fingerprint that is the same on every machine and in every run
/// (string.GetHashCode is randomized per process). It guards against accidents, not attackers, which
/// is all a content version or an ETag needs. SHA-256 did the same job but loaded OpenSSL for nothing
/// else: 6 MB of the process's memory (docs/benchmarks.md).
/// </summary>
internal struct Fnv1a128
{
    private static readonly UInt128 Prime = new(0x0000000001000000, 0x000000000000013B);
    private UInt128 _state = new(0x6c62272e07bb0142, 0x62b821756295c58d);

    public Fnv1a128()
    {
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        var state = _state;
        foreach (var b in data)
        {
            state = (state ^ b) * Prime;
        }

        _state = state;
    }

    /// <summary>Text as its UTF-16 code units, low byte first: no encoding step, no allocation.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        var state = _state;
        foreach (var c in text)
        {
            state = (state ^ (byte)c) * Prime;
            state = (state ^ (byte)(c >> 8)) * Prime;
        }

        _state = state;
    }

    /// <summary>32 lower-case hex digits.</summary>
    public readonly string ToHex() => _state.ToString("x32", CultureInfo.InvariantCulture);
}
