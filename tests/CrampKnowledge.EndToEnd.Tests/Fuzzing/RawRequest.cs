using System.Globalization;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// One HTTP/1.1 request exactly as it goes on the wire. The method, target and header values are
/// Latin-1 strings (one char per byte), so a case can carry raw control bytes, invalid UTF-8 and
/// any percent-encoding without a client library normalising or re-encoding them.
/// </summary>
public sealed record RawRequest(
    string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool Chunked = false)
{
    private const int ChunkSize = 16 * 1024;

    public static RawRequest Of(string method, string target, params (string Name, string Value)[] headers) =>
        new(method, target, headers.Select(h => KeyValuePair.Create(h.Name, h.Value)).ToList(), []);

    public RawRequest WithBody(byte[] body, string? contentType, bool chunked = false)
    {
        var headers = Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).ToList();
        if (contentType is not null)
        {
            headers.Add(KeyValuePair.Create("Content-Type", contentType));
        }

        return this with { Headers = headers, Body = body, Chunked = chunked };
    }

    public RawRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, KeyValuePair.Create(name, value)] };

    /// <summary>The bytes sent: request line, Host, the case's headers, framing, <c>Connection: close</c>, body.</summary>
    public byte[] ToBytes(string host)
    {
        var head = new StringBuilder(256 + Target.Length);
        head.Append(Method).Append(' ').Append(Target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(host).Append("\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (Chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else if (Body.Length > 0)
        {
            head.Append("Content-Length: ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        using var bytes = new MemoryStream();
        bytes.Write(Encoding.Latin1.GetBytes(head.ToString()));
        if (!Chunked)
        {
            bytes.Write(Body);
            return bytes.ToArray();
        }

        for (var offset = 0; offset < Body.Length; offset += ChunkSize)
        {
            var length = Math.Min(ChunkSize, Body.Length - offset);
            bytes.Write(Encoding.ASCII.GetBytes(length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            bytes.Write(Body.AsSpan(offset, length));
            bytes.Write("\r\n"u8);
        }

        bytes.Write("0\r\n\r\n"u8);
        return bytes.ToArray();
    }

    /// <summary>The exact bytes, escaped for reading and for <c>printf '%b'</c>; long runs of one byte are written <c>x⟨×10240⟩</c>.</summary>
    public string Describe(string host) => WireText.Escape(ToBytes(host), maxChars: 6000);
}
