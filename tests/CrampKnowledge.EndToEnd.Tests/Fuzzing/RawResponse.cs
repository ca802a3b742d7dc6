using System.Globalization;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>An HTTP/1.1 response read to the end of a <c>Connection: close</c> exchange, body de-chunked.</summary>
public sealed record RawResponse(int Status, string StatusLine, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The media type without parameters, lower-case; null when there is no Content-Type.</summary>
    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>
    /// Kestrel's own answer to a request it could not parse: a 400 with no Content-Type and no body,
    /// written by the server before any middleware (and so any ProblemDetails writer) runs.
    /// </summary>
    public bool IsBareServerRejection => Status == 400 && Body.Length == 0 && Header("Content-Type") is null;

    public string? Header(string name)
    {
        var values = Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
        return values.Count == 0 ? null : string.Join(", ", values);
    }

    public static RawResponse Parse(byte[] raw)
    {
        var end = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            throw new FormatException($"No complete response head in {raw.Length} bytes: {WireText.Escape(raw, 400)}");
        }

        var lines = Encoding.Latin1.GetString(raw, 0, end).Split("\r\n");
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException($"Not an HTTP/1.x status line: {lines[0]}");
        }

        var headers = lines.Skip(1).Select(line => line.Split(':', 2))
            .Select(parts => KeyValuePair.Create(parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : ""))
            .ToList();
        var response = new RawResponse(status, lines[0], headers, []);
        var rest = raw.AsSpan(end + 4);
        if (response.Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            return response with { Body = Dechunk(rest) };
        }

        if (response.Header("Content-Length") is { } length
            && int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            // HEAD answers announce the GET body's length but send none.
            return response with { Body = rest[..Math.Min(count, rest.Length)].ToArray() };
        }

        return response with { Body = rest.ToArray() };
    }

    /// <summary>Status line, headers and the body (at most <paramref name="maxBodyChars"/> characters).</summary>
    public string Describe(int maxBodyChars = 1500)
    {
        var text = new StringBuilder(StatusLine).Append('\n');
        foreach (var (name, value) in Headers)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }

        text.Append('\n');
        var body = BodyText;
        text.Append(body.Length <= maxBodyChars ? body : body[..maxBodyChars] + $"…[{body.Length - maxBodyChars} more characters]");
        return text.ToString();
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> chunked)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new FormatException("Truncated chunked body (no chunk size line).");
            }

            var sizeText = Encoding.ASCII.GetString(chunked[..lineEnd]).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            chunked = chunked[(lineEnd + 2)..];
            if (size == 0)
            {
                return body.ToArray();
            }

            if (chunked.Length < size)
            {
                throw new FormatException($"Truncated chunked body (chunk of {size} bytes, {chunked.Length} left).");
            }

            body.Write(chunked[..size]);
            chunked = chunked[Math.Min(size + 2, chunked.Length)..];
        }
    }
}
