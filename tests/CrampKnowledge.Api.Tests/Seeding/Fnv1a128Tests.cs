using System.Text;
using CrampKnowledge.Api.Data;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>
/// The fingerprint behind content versions and ETags: the published FNV-1a 128 test vectors, and text
/// read as its UTF-16 code units gives the same as those bytes, so a version or a tag never depends
/// on how its input was handed over.
/// </summary>
public sealed class Fnv1a128Tests
{
    [Theory]
    [InlineData("", "6c62272e07bb014262b821756295c58d")]
    [InlineData("a", "d228cb696f1a8caf78912b704e4a8964")]
    [InlineData("foobar", "343e1662793c64bf6f0d3597ba446f18")]
    public void BytesGiveThePublishedFingerprint(string ascii, string expected)
    {
        var hash = new Fnv1a128();
        hash.Append(Encoding.ASCII.GetBytes(ascii).AsSpan());
        Assert.Equal(expected, hash.ToHex());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/api/v1/causes?q=crampe nocturne")]
    [InlineData("naïve ☕ \ud83d\ude00")]
    public void TextIsFingerprintedAsItsUtf16Bytes(string text)
    {
        var (fromText, fromBytes) = (new Fnv1a128(), new Fnv1a128());
        fromText.Append(text.AsSpan(0, text.Length / 2));
        fromText.Append(text.AsSpan(text.Length / 2));
        fromBytes.Append(Encoding.Unicode.GetBytes(text).AsSpan());
        Assert.Equal(fromBytes.ToHex(), fromText.ToHex());
    }

    [Fact]
    public void OneChangedByteChangesTheFingerprint()
    {
        var (first, second) = (new Fnv1a128(), new Fnv1a128());
        first.Append("seed-data/causes.json\0"u8);
        second.Append("seed-data/causes.jsoN\0"u8);
        Assert.NotEqual(first.ToHex(), second.ToHex());
    }
}
