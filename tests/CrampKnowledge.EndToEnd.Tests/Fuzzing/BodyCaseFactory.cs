using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>Cases for an operation that takes a JSON body (the red-flag check): the body carries the hostile values.</summary>
public sealed class BodyCaseFactory
{
    public static readonly IReadOnlyList<int> OversizedLengths = [65_537, 100_000, 1_000_000];

    private const string Json = "application/json";
    private readonly ApiOperation _operation;
    private readonly IReadOnlyList<BodyProperty> _properties;
    private readonly IReadOnlyList<string> _words;
    private readonly IReadOnlyList<string> _phrases;

    public BodyCaseFactory(ApiOperation operation, ApiContract contract, LiveData live)
    {
        _operation = operation;
        _properties = BodyProperty.From(contract, operation.RequestBody[Json]);
        _words = [.. live.Names["causes"], .. live.Names["treatments"], "diabetes", "water pills", "statins"];
        _phrases = live.RulePhrases;
    }

    private IReadOnlyList<BodyProperty> Lists => _properties.Where(p => p.Type == "array").ToList();

    private string Flag => _properties.First(p => p.Type == "boolean").Name;

    public CaseDraft Make(FuzzFamily family, Random random, int number) => family switch
    {
        FuzzFamily.Valid => Post(random, ValidBody(random, random.Next(1, 5)), "a valid body built from the schema and the live data", CaseDraft.Only(200)),
        FuzzFamily.Boundary => Boundary(random),
        FuzzFamily.WrongType => WrongType(random),
        FuzzFamily.Empty => Raw(random, Encoding.UTF8.GetBytes(random.Pick(EmptyBodies)), "a body with no input", CaseDraft.Only(400)),
        FuzzFamily.VeryLong => VeryLong(random),
        FuzzFamily.ControlCharacter => ControlCharacter(random),
        FuzzFamily.InvalidUtf8 => InvalidUtf8(random),
        FuzzFamily.PathTraversal => Injected(random, random.Pick(HostileValues.Traversal).Replace("%2f", "/", StringComparison.OrdinalIgnoreCase), "path traversal"),
        FuzzFamily.Sql => Injected(random, random.Pick(HostileValues.Sql), "SQL"),
        FuzzFamily.FtsOperator => Injected(random, random.Pick(HostileValues.Fts), "FTS5 syntax"),
        FuzzFamily.HugeNumber => HugeNumber(random),
        FuzzFamily.RepeatedParameter => Repeated(random),
        FuzzFamily.UnknownParameter => Unknown(random),
        FuzzFamily.WrongMethod => WrongMethod(random, number),
        FuzzFamily.WrongContentType => WrongContentType(random),
        FuzzFamily.MalformedBody => Malformed(random),
        FuzzFamily.OversizedBody => Oversized(random),
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    /// <summary>Bodies that are not one JSON object of the request's shape; the last-but-one is valid after a BOM.</summary>
    public static (byte[] Body, string Intent, IReadOnlySet<int>? Expected) MalformedBodies(Random random)
    {
        var choice = random.Next(Malformed400.Count + 3);
        if (choice < Malformed400.Count)
        {
            return (Encoding.UTF8.GetBytes(Malformed400[choice]), $"malformed JSON: {Malformed400[choice]}", CaseDraft.Only(400));
        }

        if (choice == Malformed400.Count)
        {
            return ([0xEF, 0xBB, 0xBF, .. "{\"frequency\":\"often\"}"u8], "valid JSON after a UTF-8 byte order mark", null);
        }

        var depth = random.Pick([65, 1_000, 10_000]);
        var nested = random.Next(2) == 0
            ? "{\"conditions\":" + new string('[', depth) + new string(']', depth) + "}"
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        return (Encoding.UTF8.GetBytes(nested), $"JSON nested {depth} deep", CaseDraft.Only(400));
    }

    private static readonly IReadOnlyList<string> Malformed400 =
    [
        "{", "}", "{\"description\":}", "{\"description\":\"cramps\",}", "[]", "\"cramps at night\"", "123", "null", "true",
        "{} {}", "{\"description\":\"cramps\"} trailing", "{'description':'cramps'}", "{description:\"cramps\"}",
        "/* c */ {\"description\":\"cramps\"}", "{\"description\":\"cramps\" // c\n}", "{\"description\":NaN}", "{\"description\":\"cramps\"",
        "{\"description\":\"unterminated}", "\u0000", "{\"description\":\"\\x41\"}", "{\"description\":\"\\q\"}", "[{\"description\":\"cramps\"}]",
        "{\"conditions\":[\"diabetes\",]}", "{\"predictable\":tru}", "{\"frequency\":\"often\"}}", "{\"frequency\" \"often\"}", "{,}",
    ];

    private static readonly IReadOnlyList<string> EmptyBodies =
    [
        "{}", "{\"description\":\"\"}", "{\"description\":\"   \"}", "{\"conditions\":[]}", "{\"description\":null}", "",
        "{\"frequency\":\"\"}", "{\"conditions\":[\"\"]}", "{\"medications\":[\"  \"]}", "{\"description\":\"\\t\\n\"}",
    ];

    private CaseDraft Boundary(Random random)
    {
        var description = _properties.First(p => p.MaxLength is not null);
        var max = description.MaxLength!.Value;
        switch (random.Next(5))
        {
            case 0:
                var length = random.Pick([1, max, max + 1]);
                var body = new JsonObject { [description.Name] = Letters(random, length) };
                return Post(random, body, $"{description.Name} of {length} characters (documented maxLength {max})", CaseDraft.Only(length > max ? 400 : 200));
            case 1:
                var withAnswer = random.Next(2) == 0;
                var blank = withAnswer ? ValidBody(random, 1, except: description.Name) : new JsonObject();
                blank[description.Name] = "";
                return Post(random, blank, $"empty {description.Name}{(withAnswer ? " with an answer" : " alone")}", CaseDraft.Only(withAnswer ? 200 : 400));
            case 2:
                var list = random.Pick(Lists);
                var count = random.Pick([1, 20, 21, 100]);
                var words = new JsonArray(Enumerable.Range(0, count).Select(_ => (JsonNode?)random.Pick(_words)).ToArray());
                return Post(random, new JsonObject { [list.Name] = words }, $"{list.Name} with {count} words (no documented limit)", count <= 20 ? CaseDraft.Only(200) : null);
            case 3:
                var choice = _properties.First(p => p.Enum.Count > 0);
                var variant = random.Pick([choice.Enum[0].ToUpperInvariant(), $" {choice.Enum[0]} ", choice.Enum[^1] + "s", ""]);
                return Post(random, new JsonObject { [choice.Name] = variant, [Flag] = true }, $"{choice.Name}=\"{variant}\" (documented {string.Join('|', choice.Enum)})");
            default:
                var padding = 65_536 - "{\"description\":\"\"}".Length;
                var exact = Encoding.UTF8.GetBytes("{\"description\":\"" + new string('x', padding) + "\"}");
                return Raw(random, exact, "a body of exactly 65536 bytes (the limit) with a description over maxLength", CaseDraft.Only(400));
        }
    }

    private CaseDraft WrongType(Random random)
    {
        var property = random.Pick(_properties);
        JsonNode?[] wrong = property.Type switch
        {
            "string" => [123, true, new JsonArray(), new JsonObject(), 1.5, new JsonArray("often")],
            "boolean" => ["yes", "true", 1, 0, new JsonArray(), new JsonObject(), "null"],
            _ => ["diabetes", 1, new JsonObject(), new JsonArray(1), new JsonArray(true), new JsonArray(new JsonArray()), new JsonArray(new JsonObject()), new JsonArray((JsonNode?)null)],
        };
        var body = ValidBody(random, 1, except: property.Name);
        var value = wrong[random.Next(wrong.Length)];
        body[property.Name] = value;
        return Post(random, body, $"{property.Name} ({property.Type}) = {value?.ToJsonString() ?? "null"}", CaseDraft.Only(400));
    }

    private CaseDraft VeryLong(Random random)
    {
        var tenKilobytes = Letters(random, 10 * 1024);
        switch (random.Next(4))
        {
            case 0:
                return Post(random, new JsonObject { ["description"] = tenKilobytes }, "10 KB description", CaseDraft.Only(400));
            case 1:
                var choice = _properties.First(p => p.Enum.Count > 0);
                return Post(random, new JsonObject { [choice.Name] = tenKilobytes }, $"10 KB {choice.Name}", CaseDraft.Only(400));
            case 2:
                var list = random.Pick(Lists);
                return Post(random, new JsonObject { [list.Name] = new JsonArray(tenKilobytes) }, $"a 10 KB word in {list.Name}");
            default:
                var request = PostRequest(random, Encoding.UTF8.GetBytes(ValidBody(random, 2).ToJsonString()), Json);
                return new CaseDraft(request with { Target = $"{_operation.Path}?q={new string('a', 10 * 1024)}" }, "10 KB query string on the check", CaseDraft.Only(414));
        }
    }

    private CaseDraft ControlCharacter(Random random)
    {
        var control = (char)random.Pick([.. Enumerable.Range(0, 32), 127]);
        switch (random.Next(4))
        {
            case 0:
                return Post(random, new JsonObject { ["description"] = $"cramps{control}at night" }, $"escaped U+{(int)control:X4} in the description", CaseDraft.Only(200));
            case 1 when control < 32:
                var raw = Encoding.UTF8.GetBytes($"{{\"description\":\"cramps{control}at night\"}}");
                return Raw(random, raw, $"raw byte 0x{(int)control:X2} inside a JSON string", CaseDraft.Only(400));
            case 2:
                var choice = _properties.First(p => p.Enum.Count > 0);
                return Post(random, new JsonObject { [choice.Name] = choice.Enum[0] + control, [Flag] = true }, $"{choice.Name} with U+{(int)control:X4}");
            default:
                var list = random.Pick(Lists);
                return Post(random, new JsonObject { [list.Name] = new JsonArray($"diabetes{control}") }, $"U+{(int)control:X4} in a {list.Name} word");
        }
    }

    private CaseDraft InvalidUtf8(Random random)
    {
        byte[][] sequences = [[0xFF], [0xFE], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]];
        switch (random.Next(3))
        {
            case 0:
                var bad = sequences[random.Next(sequences.Length)];
                byte[] body = [.. "{\"description\":\"cramps "u8, .. bad, .. " at night\"}"u8];
                return Raw(random, body, $"raw invalid UTF-8 {Convert.ToHexString(bad)} in a JSON string", CaseDraft.Only(400));
            case 1:
                var escape = random.Pick(["\\ud800", "\\udc00", "\\ud800\\u0041", "\\udfff\\ud800"]);
                return Raw(random, Encoding.UTF8.GetBytes($"{{\"description\":\"cramps {escape}\"}}"), $"lone surrogate {escape} in a JSON string", CaseDraft.Only(400));
            default:
                var literal = random.Pick(HostileValues.InvalidUtf8);
                return Post(random, new JsonObject { ["description"] = "cramps " + literal }, $"percent-encoded bytes as text: {literal}", CaseDraft.Only(200));
        }
    }

    /// <summary>A hostile string in the free text or as a list word; it must be read as words, never as code.</summary>
    private CaseDraft Injected(Random random, string payload, string what)
    {
        if (random.Next(2) == 0)
        {
            var body = ValidBody(random, random.Next(0, 2), except: "description");
            body["description"] = payload;
            return Post(random, body, $"{what} in the description: {payload}", CaseDraft.Only(200), NoFileLeak);
        }

        var list = random.Pick(Lists);
        return Post(random, new JsonObject { [list.Name] = new JsonArray(payload) }, $"{what} as a {list.Name} word: {payload}", CaseDraft.Only(200),
            response => RecognizesNothing(response, payload));
    }

    private CaseDraft HugeNumber(Random random)
    {
        var number = random.Pick(["1e400", "99999999999999999999", "-1", "1", "0", "1.5", "2147483648", "-9223372036854775809", "1E+308"]);
        var property = random.Pick(_properties);
        var body = "{\"" + property.Name + "\":" + (property.Type == "array" ? $"[{number}]" : number) + "}";
        return Raw(random, Encoding.UTF8.GetBytes(body), $"{property.Name} ({property.Type}) = {number}", CaseDraft.Only(400));
    }

    private CaseDraft Repeated(Random random)
    {
        var body = random.Pick([
            "{\"frequency\":\"often\",\"frequency\":\"daily\"}",
            "{\"description\":\"my calf cramps\",\"description\":\"nothing\"}",
            "{\"conditions\":[\"diabetes\"],\"conditions\":[\"kidney disease\"]}",
            "{\"painWhenWalking\":true,\"painWhenWalking\":false}",
            "{\"frequency\":\"often\",\"Frequency\":\"daily\"}",
        ]);
        if (random.Next(3) == 0)
        {
            var request = PostRequest(random, Encoding.UTF8.GetBytes(body), Json);
            return new CaseDraft(request with { Target = $"{_operation.Path}?frequency=often&frequency=daily" }, $"repeated query parameters and a body with repeated keys: {body}");
        }

        return Raw(random, Encoding.UTF8.GetBytes(body), $"repeated keys: {body}");
    }

    private CaseDraft Unknown(Random random)
    {
        var name = random.Pick(["descripton", "age", "__proto__", "constructor", "$type", "$id", "$ref", "extra", "seeDoctor", "matches", "frequency ", "pain_when_walking"]);
        var body = ValidBody(random, 1);
        body[name] = random.Next(2) == 0 ? "x" : 1;
        if (random.Next(4) == 0)
        {
            var request = PostRequest(random, Encoding.UTF8.GetBytes(ValidBody(random, 1).ToJsonString()), Json);
            return new CaseDraft(request with { Target = $"{_operation.Path}?{name}=1" }, $"unknown query parameter {name}");
        }

        return Post(random, body, $"unknown field {name} (documented: an unknown field is a 400)", CaseDraft.Only(400));
    }

    /// <summary>The methods in turn, so every seed sends each of them.</summary>
    private CaseDraft WrongMethod(Random random, int number)
    {
        var method = HostileValues.MethodsRefusedByCheck[(number - 1) % HostileValues.MethodsRefusedByCheck.Count];
        var request = PostRequest(random, Encoding.UTF8.GetBytes(ValidBody(random, 2).ToJsonString()), Json) with { Method = method };
        if (method is "GET" or "HEAD" or "OPTIONS" or "TRACE" && random.Next(2) == 0)
        {
            request = RawRequest.Of(method, _operation.Path);
        }

        return new CaseDraft(request, $"{method} on the POST-only check", CaseDraft.Only(405), response =>
            response.Status == 405 && response.Header("Allow") is { } allow && !allow.Contains("POST", StringComparison.Ordinal)
                ? $"Allow: {allow} does not list POST"
                : null);
    }

    private CaseDraft WrongContentType(Random random)
    {
        var valid = Encoding.UTF8.GetBytes(ValidBody(random, 2).ToJsonString());
        switch (random.Next(4))
        {
            case 0:
                var type = random.Pick(HostileValues.NonJsonContentTypes);
                return new CaseDraft(PostRequest(random, valid, type), $"Content-Type: {type}", CaseDraft.Only(415));
            case 1:
                return new CaseDraft(PostRequest(random, valid, null), "no Content-Type", CaseDraft.Only(415));
            case 2:
                var form = random.Next(2) == 0
                    ? (Encoding.ASCII.GetBytes("description=cramps+at+night&frequency=often"), "application/x-www-form-urlencoded")
                    : (Encoding.ASCII.GetBytes("--fuzz\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\ncramps\r\n--fuzz--\r\n"), "multipart/form-data; boundary=fuzz");
                return new CaseDraft(PostRequest(random, form.Item1, form.Item2), $"a real {form.Item2} body", CaseDraft.Only(415));
            default:
                var odd = random.Pick(HostileValues.OddJsonContentTypes);
                return new CaseDraft(PostRequest(random, valid, odd), $"JSON sent as Content-Type: {odd}");
        }
    }

    private CaseDraft Malformed(Random random)
    {
        var (body, intent, expected) = MalformedBodies(random);
        return Raw(random, body, intent, expected);
    }

    private CaseDraft Oversized(Random random)
    {
        var length = random.Pick(OversizedLengths);
        var prefix = "{\"description\":\"";
        var body = Encoding.UTF8.GetBytes(prefix + new string('x', length - prefix.Length - 2) + "\"}");
        var chunked = random.Next(3) == 0;
        var request = PostRequest(random, body, Json, chunked);
        return new CaseDraft(request, $"{length}-byte body{(chunked ? ", chunked" : "")} (limit 65536)", CaseDraft.Only(413));
    }

    private JsonObject ValidBody(Random random, int fields, string? except = null)
    {
        var body = new JsonObject();
        foreach (var property in _properties.Where(p => p.Name != except).OrderBy(_ => random.Next()).Take(fields))
        {
            body[property.Name] = property switch
            {
                { Enum.Count: > 0 } => random.Pick(property.Enum),
                { Type: "boolean" } => random.Next(2) == 0,
                { Type: "array" } => new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(_ => (JsonNode?)random.Pick(_words)).ToArray()),
                _ => string.Join(" and ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Pick(_phrases)).Prepend(property.Example ?? "cramps")),
            };
        }

        return body;
    }

    private CaseDraft Post(Random random, JsonObject body, string intent, IReadOnlySet<int>? expected = null, Func<RawResponse, string?>? oracle = null) =>
        new(PostRequest(random, Encoding.UTF8.GetBytes(body.ToJsonString()), Json), intent, expected, oracle);

    private CaseDraft Raw(Random random, byte[] body, string intent, IReadOnlySet<int>? expected = null) =>
        new(PostRequest(random, body, Json), intent, expected);

    private RawRequest PostRequest(Random random, byte[] body, string? contentType, bool chunked = false)
    {
        var request = RawRequest.Of("POST", _operation.Path);
        if (contentType is not null)
        {
            request = request.WithHeader("Content-Type", contentType);
        }

        // Occasionally announce what the client accepts, as browsers and bots do.
        if (random.Next(4) == 0)
        {
            request = request.WithHeader("Accept", random.Pick(["application/json", "*/*", "application/problem+json, application/json"]));
        }

        return request with { Body = body, Chunked = chunked };
    }

    private static string Letters(Random random, int length)
    {
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            text.Append(random.Pick(["cramp ", "calf ", "night ", "leg "]));
        }

        return text.ToString(0, length).TrimEnd().PadRight(length, 's');
    }

    private static string? NoFileLeak(RawResponse response) =>
        response.BodyText.Contains("root:x:0:0", StringComparison.Ordinal) ? "the response carries /etc/passwd" : null;

    /// <summary>A payload names no record, so a lookup that treats it as text recognises nothing.</summary>
    private static string? RecognizesNothing(RawResponse response, string payload)
    {
        if (response.Status != 200)
        {
            return null;
        }

        using var json = JsonDocument.Parse(response.Body);
        var recognized = json.RootElement.GetProperty("recognized");
        return recognized.GetArrayLength() == 0
            ? null
            : $"'{payload}' was recognised as {recognized.GetRawText()}; it names no record";
    }
}
