using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// One request log line in the console logger's JSON shape. Almost every line is plain ASCII with
/// nothing to escape; those are copied together from constant parts, which costs a tenth of what
/// <see cref="Utf8JsonWriter"/> does (about 3 µs a line, on the server's own core). Anything else goes
/// through the JSON writer, and a test compares the two on the same entries.
/// </summary>
internal sealed class RequestLogLine
{
    /// <summary>Room for every line the fast path writes: the constant parts plus a method and path of up to 128 characters.</summary>
    public const int PlainLineMaxBytes = 1024;

    private const int MaxPlainText = 128;

    // The default JSON encoder leaves these alone; HTML-sensitive characters ('<', '&', '+', quotes) and non-ASCII it escapes.
    private static readonly SearchValues<char> PlainCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/%,:@!$*();=");

    private long _cachedSecond = -1;
    private readonly byte[] _cachedSecondText = new byte[20];
    private readonly byte[] _plainLine = new byte[PlainLineMaxBytes];
    private readonly ArrayBufferWriter<byte> _jsonLine = new(512);

    /// <summary>The entry's line with its newline, in the plain form when it applies; valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(in RequestLogEntry entry)
    {
        if (TryWritePlain(entry, _plainLine, out var length))
        {
            return _plainLine.AsSpan(0, length);
        }

        // Rare (a long path, or a character to escape), so a writer per line is no cost worth keeping one for.
        _jsonLine.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_jsonLine))
        {
            WriteJson(json, entry);
        }

        _jsonLine.Write("\n"u8);
        return _jsonLine.WrittenSpan;
    }

    /// <summary>Writes the line (with its newline) into <paramref name="destination"/>, or returns false for the JSON writer.</summary>
    public bool TryWritePlain(in RequestLogEntry entry, Span<byte> destination, out int written)
    {
        written = 0;
        var hundredths = Math.Round(entry.ElapsedMs * 100);
        if (entry.Method.Length > MaxPlainText || entry.Path.Length > MaxPlainText
            || entry.Method.AsSpan().ContainsAnyExcept(PlainCharacters) || entry.Path.AsSpan().ContainsAnyExcept(PlainCharacters)
            // The duration is written from whole hundredths, which gives the serializer's digits only for these values.
            || hundredths / 100 != entry.ElapsedMs || hundredths is < 0 or > 1e12 || destination.Length < PlainLineMaxBytes)
        {
            return false;
        }

        var line = new LineBuilder(destination);
        line.Append("{\"Timestamp\":\""u8);
        WriteTimestamp(ref line, entry.TimestampUtc);
        line.Append("\",\"EventId\":0,\"LogLevel\":\"Information\",\"Category\":\"CrampKnowledge.Api.Hosting.RequestLoggingMiddleware\",\"Message\":\"HTTP "u8);
        line.AppendAscii(entry.Method);
        line.Append(" "u8);
        line.AppendAscii(entry.Path);
        line.Append(" responded "u8);
        line.AppendNumber(entry.StatusCode);
        line.Append(" in "u8);
        WriteDuration(ref line, (long)hundredths);
        line.Append(" ms\",\"State\":{\"Method\":\""u8);
        line.AppendAscii(entry.Method);
        line.Append("\",\"Path\":\""u8);
        line.AppendAscii(entry.Path);
        line.Append("\",\"StatusCode\":"u8);
        line.AppendNumber(entry.StatusCode);
        line.Append(",\"ElapsedMs\":"u8);
        WriteDuration(ref line, (long)hundredths);
        line.Append("}}\n"u8);
        written = line.Length;
        return true;
    }

    /// <summary>The same line through <see cref="Utf8JsonWriter"/>, for entries the fast path does not take.</summary>
    public static void WriteJson(Utf8JsonWriter json, in RequestLogEntry entry)
    {
        json.WriteStartObject();
        Span<byte> timestamp = stackalloc byte[32];
        entry.TimestampUtc.TryFormat(timestamp, out var length, TimestampFormat, CultureInfo.InvariantCulture);
        json.WriteString(TimestampName, timestamp[..length]);
        json.WriteNumber(EventIdName, 0);
        json.WriteString(LogLevelName, Information);
        json.WriteString(CategoryName, Category);
        json.WriteString(MessageName, string.Create(CultureInfo.InvariantCulture,
            $"HTTP {entry.Method} {entry.Path} responded {entry.StatusCode} in {entry.ElapsedMs} ms"));
        json.WriteStartObject(StateName);
        json.WriteString(MethodName, entry.Method);
        json.WriteString(PathName, entry.Path);
        json.WriteNumber(StatusCodeName, entry.StatusCode);
        json.WriteNumber(ElapsedMsName, entry.ElapsedMs);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    // "yyyy-MM-ddTHH:mm:ss." changes once a second, so it is formatted once a second; the milliseconds are digits.
    private void WriteTimestamp(ref LineBuilder line, DateTime timestamp)
    {
        var second = timestamp.Ticks / TimeSpan.TicksPerSecond;
        if (second != _cachedSecond)
        {
            timestamp.TryFormat(_cachedSecondText, out _, "yyyy-MM-ddTHH:mm:ss.", CultureInfo.InvariantCulture);
            _cachedSecond = second;
        }

        line.Append(_cachedSecondText);
        var milliseconds = (int)(timestamp.Ticks / TimeSpan.TicksPerMillisecond % 1000);
        line.AppendDigits(milliseconds, 3);
        line.Append("Z"u8);
    }

    // As the serializer writes a double rounded to two places: "3", "0.5", "12.25".
    private static void WriteDuration(ref LineBuilder line, long hundredths)
    {
        line.AppendNumber(hundredths / 100);
        var fraction = (int)(hundredths % 100);
        if (fraction == 0)
        {
            return;
        }

        line.Append("."u8);
        if (fraction % 10 == 0)
        {
            line.AppendDigits(fraction / 10, 1);
        }
        else
        {
            line.AppendDigits(fraction, 2);
        }
    }

    private ref struct LineBuilder(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;

        public int Length { get; private set; }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_destination[Length..]);
            Length += bytes.Length;
        }

        /// <summary>Checked plain ASCII: one byte per character.</summary>
        public void AppendAscii(string text)
        {
            var target = _destination.Slice(Length, text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                target[i] = (byte)text[i];
            }

            Length += text.Length;
        }

        public void AppendNumber(long value)
        {
            Utf8Formatter.TryFormat(value, _destination[Length..], out var written);
            Length += written;
        }

        public void AppendDigits(int value, int digits)
        {
            for (var i = digits - 1; i >= 0; i--)
            {
                _destination[Length + i] = (byte)('0' + value % 10);
                value /= 10;
            }

            Length += digits;
        }
    }

    // Names and constant values encoded once.
    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode("Timestamp");
    private static readonly JsonEncodedText EventIdName = JsonEncodedText.Encode("EventId");
    private static readonly JsonEncodedText LogLevelName = JsonEncodedText.Encode("LogLevel");
    private static readonly JsonEncodedText Information = JsonEncodedText.Encode("Information");
    private static readonly JsonEncodedText CategoryName = JsonEncodedText.Encode("Category");
    private static readonly JsonEncodedText Category = JsonEncodedText.Encode(typeof(RequestLoggingMiddleware).FullName!);
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("Message");
    private static readonly JsonEncodedText StateName = JsonEncodedText.Encode("State");
    private static readonly JsonEncodedText MethodName = JsonEncodedText.Encode("Method");
    private static readonly JsonEncodedText PathName = JsonEncodedText.Encode("Path");
    private static readonly JsonEncodedText StatusCodeName = JsonEncodedText.Encode("StatusCode");
    private static readonly JsonEncodedText ElapsedMsName = JsonEncodedText.Encode("ElapsedMs");
}
