using System.Buffers;
using System.Text;
using System.Text.Json;
using CrampKnowledge.Api.Hosting;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>
/// The request log's fast line against the JSON writer's line for the same entries: byte for byte,
/// over every printable ASCII character in a path, durations from 0 to hours, and timestamps that
/// stay within a second, move on and go back.
/// </summary>
public sealed class RequestLogLineTests
{
    [Fact]
    public void PlainLinesAreTheJsonWritersBytes()
    {
        var lines = new RequestLogLine();
        var random = new Random(7);
        var start = new DateTime(2026, 11, 21, 23, 59, 58, 990, DateTimeKind.Utc);
        var plain = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var entry = new RequestLogEntry(
                start.AddTicks(random.NextInt64(-30_000_000, 30_000_000)),
                Methods[random.Next(Methods.Length)],
                RandomPath(random),
                Statuses[random.Next(Statuses.Length)],
                Math.Round(random.Next(4) switch { 0 => random.NextDouble(), 1 => random.NextDouble() * 100, 2 => random.Next(0, 10) / 10.0, _ => random.NextDouble() * 5e6 }, 2));
            plain += AssertSameLine(lines, entry) ? 1 : 0;
        }

        // Most paths are plain, so the comparison above is mostly of the fast path.
        Assert.InRange(plain, 10_000, 20_000);
    }

    [Fact]
    public void EveryPrintableCharacterInAPathGivesTheJsonWritersBytes()
    {
        var lines = new RequestLogLine();
        for (var c = ' '; c <= '~'; c++)
        {
            AssertSameLine(lines, new RequestLogEntry(DateTime.UtcNow, "GET", $"/api/v1/causes/a{c}b", 200, 0.25));
        }

        Assert.True(AssertSameLine(lines, new RequestLogEntry(DateTime.UtcNow, "GET", "/api/v1/treatments/heat-and-ice", 304, 1.5)));
    }

    [Theory]
    [InlineData("/api/v1/causes/\u00e9", 0.5)]
    [InlineData("/api/v1/<script>", 0.5)]
    [InlineData("/api/v1/causes", 0.123)]
    [InlineData("/api/v1/causes", double.NaN)]
    public void LinesTheFastPathCannotWriteAreLeftToTheJsonWriter(string path, double elapsedMs)
    {
        var buffer = new byte[RequestLogLine.PlainLineMaxBytes];
        Assert.False(new RequestLogLine().TryWritePlain(new RequestLogEntry(DateTime.UtcNow, "GET", path, 200, elapsedMs), buffer, out _));
    }

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "OPTIONS", "DELETE", "M-SEARCH"];
    private static readonly int[] Statuses = [200, 304, 400, 404, 405, 413, 414, 429, 500, 503];
    private const string PathCharacters = "abcdefghijklmnopqrstuvwxyz0123456789-/-/._~%";

    private static string RandomPath(Random random)
    {
        var path = new StringBuilder("/api/v1/");
        var length = random.Next(0, random.Next(10) == 0 ? 200 : 40);
        for (var i = 0; i < length; i++)
        {
            path.Append(random.Next(50) == 0 ? (char)random.Next(32, 0x2100) : PathCharacters[random.Next(PathCharacters.Length)]);
        }

        return path.ToString();
    }

    /// <summary>Returns whether the fast path wrote the line; when it did, its bytes must be the JSON writer's.</summary>
    private static bool AssertSameLine(RequestLogLine lines, RequestLogEntry entry)
    {
        var buffer = new byte[RequestLogLine.PlainLineMaxBytes];
        if (!lines.TryWritePlain(entry, buffer, out var written))
        {
            return false;
        }

        var expected = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(expected))
        {
            RequestLogLine.WriteJson(json, entry);
        }

        Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan) + "\n", Encoding.UTF8.GetString(buffer, 0, written));
        return true;
    }
}
