using CrampKnowledge.Api.Hosting;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>
/// The coding the ETag is keyed on, for the plain headers read without the header parser and for those
/// with quality values or wildcards that go through it: the choice ResponseCompression makes.
/// </summary>
public sealed class ChosenEncodingTests
{
    [Theory]
    [InlineData(null, "identity")]
    [InlineData("", "identity")]
    [InlineData("identity", "identity")]
    [InlineData("deflate", "identity")]
    [InlineData("gzip", "gzip")]
    [InlineData("GZIP", "gzip")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br", "br")]
    [InlineData(" br , gzip ", "br")]
    [InlineData("x-gzip, brotli", "identity")]
    [InlineData("gzip;q=0.5, br;q=0.4", "gzip")]
    [InlineData("br;q=0, gzip;q=0", "identity")]
    [InlineData("br;q=0.8, gzip;q=0.8", "br")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.1, gzip", "gzip")]
    public void TheCodingIsTheOneCompressionWouldChoose(string? acceptEncoding, string expected) =>
        Assert.Equal(expected, ConditionalGetMiddleware.ChosenEncoding(acceptEncoding));
}
