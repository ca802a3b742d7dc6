namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// The catalogue of hostile inputs. "Decoded" lists are text that a case percent-encodes properly;
/// "wire" lists go on the wire exactly as written (already percent-encoded, or raw bytes as Latin-1 chars).
/// </summary>
public static class HostileValues
{
    /// <summary>Decoded: not an integer in any culture-invariant reading.</summary>
    public static readonly IReadOnlyList<string> NotIntegers = ["abc", "1.5", "true", "[]", "{}", "1e3", "0x10", "null", "NaN", "1,5", "one", "½", "٣", "+-1", "--1", "1_000"];

    /// <summary>Decoded: not a boolean (bool.TryParse accepts only true/false in any case).</summary>
    public static readonly IReadOnlyList<string> NotBooleans = ["abc", "1", "0", "yes", "no", "on", "[]", "{}", "null", "truee", "t", "1.5"];

    /// <summary>Decoded: other JSON-ish or numeric shapes for text parameters and ids.</summary>
    public static readonly IReadOnlyList<string> OtherShapes = ["123", "-1", "1.5", "true", "false", "[]", "{}", "null", "[\"a\",\"b\"]", "{\"$gt\":\"\"}", "undefined"];

    /// <summary>Wire: numbers outside int32 or written in forms an integer parser must refuse.</summary>
    public static readonly IReadOnlyList<string> HugeNumbers =
    [
        "2147483648", "-2147483649", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999999999999999", "1e100", "1E%2B400", "-1e308", "340282366920938463463374607431768211456",
    ];

    /// <summary>Wire: int32 extremes, inside the type but outside every documented range.</summary>
    public static readonly IReadOnlyList<string> Int32Extremes = ["2147483647", "-2147483648", "-0"];

    /// <summary>Decoded: SQL meant to break out of a string literal or a number.</summary>
    public static readonly IReadOnlyList<string> Sql =
    [
        "' OR 1=1 --", "\"; DROP TABLE Records; --", "' UNION SELECT name, sql FROM sqlite_master --", "1; DELETE FROM Records",
        "'); DROP TABLE Sources; --", "' OR '1'='1", "admin'--", "1 OR 1=1", "' || (SELECT group_concat(Slug) FROM Records) || '",
        "'; ATTACH DATABASE '/tmp/pwn.db' AS pwn; CREATE TABLE pwn.x(y); --", "'; PRAGMA writable_schema=1; --", "\\' OR 1=1 --",
        "1)) OR ((1=1", "' AND 1=(SELECT COUNT(*) FROM Records) --", "%' OR 1=1 --", "'; UPDATE Records SET Name='x'; --",
    ];

    /// <summary>Decoded: FTS5 query syntax, which must be searched as words and never parsed.</summary>
    public static readonly IReadOnlyList<string> Fts =
    [
        "NEAR(", "NEAR(cramp night, 2)", "*", "\"", "cramp AND OR NOT night", "name:dehydration", "^cramp", "{name summary}: cramp",
        "cramp*", "\"unterminated", "(cramp", "cramp)", "- cramp", "+cramp", "cramp NOT", "AND", "OR", "NOT", "summary:*", "rank:1",
        "\"\" \"\"", "cramp:", ":", "NEAR/3", "x -y", "SearchIndex:cramp", "{}", "cramp OR", "\"cramp\" *", "a\"b\"c",
    ];

    /// <summary>Wire: traversal in raw, encoded, double-encoded, overlong and backslash forms.</summary>
    public static readonly IReadOnlyList<string> Traversal =
    [
        "../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%5c..%5cwindows%5cwin.ini",
        "%252e%252e%252fetc%252fpasswd", "....//....//etc/passwd", "%2fetc%2fpasswd", "..%c0%af..%c0%afetc%c0%afpasswd",
        "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..;/..;/etc/passwd", "file:%2f%2f%2fetc%2fpasswd", "..", "%2e%2e", ".%2e/.%2e/knowledge.db",
        "..%2f..%2f..%2fknowledge.db", "..%255c..%255cweb.config",
    ];

    /// <summary>Wire: percent-encoded C0 controls and DEL; raw tab, ESC, DEL and CR, which Kestrel passes to the app.</summary>
    public static readonly IReadOnlyList<string> Controls =
    [
        .. Enumerable.Range(0, 32).Select(c => $"%{c:X2}"), "%7F", "%7f", "%0D%0ASet-Cookie:%20x=1", "%1B[31m", "\t", "\u0001", "\u001B", "\u007F",
    ];

    /// <summary>Wire: raw bytes the HTTP/1.1 grammar forbids in a request target (Kestrel refuses the request line).</summary>
    public static readonly IReadOnlyList<string> RawForbidden = ["\u0000", "\n", " ", "\u00FF", "\u00C3\u0028", "\u00E2\u0082"];

    /// <summary>Wire: invalid UTF-8 after percent-decoding: stray bytes, truncated and overlong sequences, lone surrogates.</summary>
    public static readonly IReadOnlyList<string> InvalidUtf8 =
    [
        "%FF", "%FE", "%C3%28", "%A0%A1", "%E2%82", "%E2%28%A1", "%ED%A0%80", "%ED%BF%BF", "%ED%A0%80%ED%B0%80", "%C0%AF", "%C0%80",
        "%E0%80%AF", "%F8%88%80%80%80", "%F4%90%80%80", "%80", "%BF", "%F0%28%8C%BC", "%EF%BF%BE", "%C1%BF", "%E2%82%28",
    ];

    /// <summary>Methods a read-only route must refuse; HEAD and GET are the only ones it takes.</summary>
    public static readonly IReadOnlyList<string> MethodsRefusedByReads =
        ["POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO", "OPTIONS", "PROPFIND", "CONNECT", "MKCOL", "M-SEARCH", "LINK"];

    /// <summary>Methods the red-flag check (POST only) must refuse.</summary>
    public static readonly IReadOnlyList<string> MethodsRefusedByCheck = ["GET", "HEAD", "PUT", "PATCH", "DELETE", "TRACE", "FOO", "OPTIONS"];

    /// <summary>Parameter names no operation declares, some close to real ones.</summary>
    public static readonly IReadOnlyList<string> UnknownNames =
        ["foo", "Page", "PAGESIZE", "page[]", "page.size", "__proto__", "constructor", "$filter", "$orderby", "callback", "_", "q%20", "%71", "id", "format", "debug"];

    /// <summary>Content types the red-flag check must refuse (it reads JSON only).</summary>
    public static readonly IReadOnlyList<string> NonJsonContentTypes =
    [
        "text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz",
        "text/html", "application/octet-stream", "application/jsonp", "application/json-seq", "image/png", "application/yaml",
    ];

    /// <summary>JSON media types with odd or unsupported parameters: the body is JSON, the charset may not be.</summary>
    public static readonly IReadOnlyList<string> OddJsonContentTypes =
    [
        "application/json; charset=utf-8", "APPLICATION/JSON", "application/json; charset=bogus", "application/json; charset=utf-7",
        "application/json; charset=\"utf-8\"", "application/json; charset=", "application/json; charset=latin1", "application/json;;;",
        "application/merge-patch+json", "text/json", "application/json; charset=utf-16", "application/*", "*/*", "application/json, text/plain",
    ];
}
