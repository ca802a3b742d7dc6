using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>Cases for a GET operation: its path and query parameters carry the hostile values.</summary>
public sealed class QueryCaseFactory
{
    private const int TenKilobytes = 10 * 1024;
    private readonly ApiOperation _operation;
    private readonly List<ParameterProfile> _profiles;

    public QueryCaseFactory(ApiOperation operation, LiveData live)
    {
        _operation = operation;
        _profiles = operation.Parameters.Select(p => ParameterProfile.For(operation, p, live)).ToList();
    }

    private bool IsRecordList => !_operation.PathParameters.Any()
        && (LiveData.RecordCollections.Contains(_operation.Collection) || _operation.Collection == "sources")
        && _operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Length == 3;

    public CaseDraft Make(FuzzFamily family, Random random, int number) => family switch
    {
        FuzzFamily.Valid => Valid(random),
        FuzzFamily.Boundary => Boundary(random),
        FuzzFamily.WrongType => Junk(random, random.Pick(HostileValues.OtherShapes), "wrong type",
            p => p.Kind switch
            {
                ParameterKind.WholeNumber => random.Pick(HostileValues.NotIntegers),
                ParameterKind.TrueFalse => random.Pick(HostileValues.NotBooleans),
                _ => random.Pick(HostileValues.OtherShapes),
            }),
        FuzzFamily.Empty => Empty(random),
        FuzzFamily.VeryLong => VeryLong(random),
        FuzzFamily.ControlCharacter => Wire(random, random.Next(5) == 0 ? random.Pick(HostileValues.RawForbidden) : random.Pick(HostileValues.Controls), "control character"),
        FuzzFamily.InvalidUtf8 => Wire(random, random.Next(6) == 0 ? random.Pick(HostileValues.RawForbidden) : random.Pick(HostileValues.InvalidUtf8), "invalid UTF-8"),
        FuzzFamily.PathTraversal => Traversal(random),
        FuzzFamily.Sql => Junk(random, random.Pick(HostileValues.Sql), "SQL", _ => random.Pick(HostileValues.Sql)),
        FuzzFamily.FtsOperator => Junk(random, random.Pick(HostileValues.Fts), "FTS5 syntax", _ => random.Pick(HostileValues.Fts)),
        FuzzFamily.HugeNumber => HugeNumber(random),
        FuzzFamily.RepeatedParameter => Repeated(random),
        FuzzFamily.UnknownParameter => Unknown(random),
        FuzzFamily.WrongMethod => WrongMethod(random, number),
        FuzzFamily.WrongContentType => WrongContentType(random),
        FuzzFamily.MalformedBody => WithBody(random, BodyCaseFactory.MalformedBodies(random).Body, "application/json", "malformed JSON body on a GET"),
        FuzzFamily.OversizedBody => WithBody(random, new byte[random.Pick(BodyCaseFactory.OversizedLengths)], "application/json", "oversized body on a GET"),
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    private CaseDraft Valid(Random random)
    {
        var request = Get(ValidPath(random), Baseline(random, null, optionalChance: 0.6));
        if (_operation.OperationId == "GetCondition")
        {
            var accept = random.Pick(["", "application/ld+json", "application/json", "*/*", "application/*", "text/html, application/ld+json;q=0.9"]);
            request = accept.Length == 0 ? request : request.WithHeader("Accept", accept);
        }

        return new CaseDraft(request, "valid values from the examples and the live data", CaseDraft.Only(200));
    }

    private CaseDraft Boundary(Random random)
    {
        var candidates = _profiles.Where(p => p.Kind is ParameterKind.WholeNumber or ParameterKind.TrueFalse || p.MaxLength is not null || p.Name == "q" || p.Kind == ParameterKind.PathId).ToList();
        if (candidates.Count == 0)
        {
            var number = random.Pick(["0", "1", "-1", "10000", "10001", "2147483647"]);
            return new CaseDraft(Get(ValidPath(random), [.. Baseline(random, null), ("page", number)]), $"undeclared page={number}");
        }

        var target = random.Pick(candidates);
        switch (target.Kind)
        {
            case ParameterKind.WholeNumber:
                var value = random.Pick(BoundaryNumbers(target));
                var expected = value < (target.Min ?? int.MinValue) || (target.Max is { } max && value > max) ? 400
                    : target.Max is null && value > 10_000 ? (int?)null : 200;
                return Set(random, target, Text(value), $"{target.Name}={Text(value)} (documented {Range(target)})", expected is { } e ? CaseDraft.Only(e) : null);
            case ParameterKind.TrueFalse:
                var flag = random.Pick(["true", "false", "TRUE", "False"]);
                return Set(random, target, flag, $"{target.Name}={flag}", CaseDraft.Only(200));
            case ParameterKind.PathId:
                var length = random.Pick([1, 2, 64, 200, 201]);
                return Set(random, target, new string('z', length), $"{length}-character id", CaseDraft.Only(404));
            default:
                var limit = target.MaxLength ?? 200;
                var size = random.Pick([0, 1, limit, limit + 1]);
                var text = Words(random, size);
                var expectation = target.MaxLength is null
                    ? size <= limit ? CaseDraft.Only(200) : null
                    : size == 0 || size > limit ? CaseDraft.Only(400) : CaseDraft.Only(200);
                return Set(random, target, WireTarget.Encode(text), $"{target.Name} of {size} characters (documented {(target.MaxLength is null ? "no limit" : $"1-{limit}")})", expectation);
        }
    }

    private CaseDraft Junk(Random random, string unknownValue, string what, Func<ParameterProfile, string> pick)
    {
        if (_profiles.Count == 0)
        {
            return new CaseDraft(Get(ValidPath(random), [("q", WireTarget.Encode(unknownValue))]), $"{what} in an undeclared q: {unknownValue}");
        }

        var target = random.Pick(_profiles);
        var decoded = pick(target);
        var wire = random.Next(3) == 0 && target.Kind != ParameterKind.PathId ? WireTarget.Encode(decoded).Replace("%20", "+", StringComparison.Ordinal) : WireTarget.Encode(decoded);
        var oracle = what == "SQL" && target.Name == "q" && IsRecordList ? NothingMatches(decoded) : null;
        return Set(random, target, wire, $"{what} in {target.Name}: {decoded}", JunkExpectation(target, decoded), oracle);
    }

    private CaseDraft Wire(Random random, string wire, string what)
    {
        var raw = HostileValues.RawForbidden.Contains(wire);
        if (_profiles.Count == 0)
        {
            return new CaseDraft(Get(ValidPath(random), [("q", "a" + wire + "b")]), $"{what} in an undeclared q: {Escape(wire)}", Oracle: NoInjectedHeader);
        }

        var target = random.Pick(_profiles);
        var valid = target.ValidValues.Count > 0 ? WireTarget.Encode(random.Pick(target.ValidValues)) : "a";
        var value = random.Next(3) switch
        {
            0 => wire,
            1 => valid + wire,
            _ => wire + valid + wire,
        };
        IReadOnlySet<int>? expected = raw ? null : target.Kind switch
        {
            ParameterKind.PathId when !wire.Contains('%', StringComparison.Ordinal) || wire.StartsWith("%00", StringComparison.Ordinal) => null,
            ParameterKind.PathId => CaseDraft.Only(404),
            ParameterKind.WholeNumber or ParameterKind.TrueFalse when what == "invalid UTF-8" => CaseDraft.Only(400),
            _ when target.Vocabulary && what == "invalid UTF-8" => CaseDraft.Only(400),
            _ => null,
        };
        return Set(random, target, value, $"{what} in {target.Name}: {Escape(value)}", expected, NoInjectedHeader);
    }

    private CaseDraft Empty(Random random)
    {
        var query = Baseline(random, null);
        var path = ValidPath(random);
        var form = random.Next(6);
        if (form == 0 || _profiles.Count == 0)
        {
            var target = WireTarget.Build(_operation.Path, path, []) + random.Pick(["?", "?&", "?=x", "?&&&", "?=", "?&=&"]);
            return new CaseDraft(RawRequest.Of("GET", target), "empty query pieces");
        }

        var profile = random.Pick(_profiles);
        if (profile.Kind == ParameterKind.PathId)
        {
            return Set(random, profile, random.Pick(["", "%20", "+"]), $"empty or blank {profile.Name}");
        }

        query.RemoveAll(q => q.Name == profile.Name);
        query.Add((profile.Name, random.Pick<string?>(["", null, "%20", "+", "%09"])));
        return new CaseDraft(Get(path, query), $"empty {profile.Name}");
    }

    private CaseDraft VeryLong(Random random)
    {
        var pathTarget = _profiles.FirstOrDefault(p => p.Kind == ParameterKind.PathId);
        var inPath = random.Next(2) == 0;
        var value = random.Next(2) == 0 ? new string('a', TenKilobytes) : string.Concat(Enumerable.Repeat("cramp%20", TenKilobytes / 8));
        if (inPath && pathTarget is not null)
        {
            return Set(random, pathTarget, value, $"10 KB {pathTarget.Name}", CaseDraft.Only(404));
        }

        if (inPath)
        {
            var target = WireTarget.Build(_operation.Path, ValidPath(random), []) + "/" + value;
            return new CaseDraft(RawRequest.Of("GET", target), "10 KB extra path segment", CaseDraft.Only(404));
        }

        var name = _profiles.Where(p => p.Kind != ParameterKind.PathId).Select(p => p.Name).DefaultIfEmpty("q").ToList();
        var chosen = random.Pick(name);
        var query = Baseline(random, chosen);
        query.Add((chosen, value));
        return new CaseDraft(Get(ValidPath(random), query), $"10 KB {chosen} (query strings are limited to 2048 characters)", CaseDraft.Only(414));
    }

    private CaseDraft Traversal(Random random)
    {
        var wire = random.Pick(HostileValues.Traversal);
        var pathTarget = _profiles.FirstOrDefault(p => p.Kind == ParameterKind.PathId);
        switch (random.Next(3))
        {
            case 0 when pathTarget is not null:
                return Set(random, pathTarget, wire, $"traversal in {pathTarget.Name}: {wire}", oracle: NoFileLeak);
            case 0:
            case 1:
                var target = WireTarget.Build(_operation.Path, ValidPath(random), []) + "/" + wire;
                return new CaseDraft(RawRequest.Of("GET", target), $"traversal after the path: {wire}", Oracle: NoFileLeak);
            default:
                var names = _profiles.Where(p => p.Kind != ParameterKind.PathId).Select(p => p.Name).DefaultIfEmpty("file").ToList();
                var name = random.Pick(names);
                var query = Baseline(random, name);
                query.Add((name, wire));
                return new CaseDraft(Get(ValidPath(random), query), $"traversal in {name}: {wire}", Oracle: NoFileLeak);
        }
    }

    private CaseDraft HugeNumber(Random random)
    {
        var integers = _profiles.Where(p => p.Kind == ParameterKind.WholeNumber).ToList();
        var extreme = random.Next(3) == 0;
        var wire = extreme ? random.Pick(HostileValues.Int32Extremes) : random.Pick(HostileValues.HugeNumbers);
        if (integers.Count == 0)
        {
            var other = _profiles.Count > 0 ? random.Pick(_profiles) : null;
            if (other is null)
            {
                return new CaseDraft(Get(ValidPath(random), [("page", wire)]), $"undeclared page={wire}");
            }

            return Set(random, other, wire, $"huge number in {other.Name}: {wire}", JunkExpectation(other, wire));
        }

        var target = random.Pick(integers);
        IReadOnlySet<int>? expected = CaseDraft.Only(400);
        if (extreme)
        {
            var value = long.Parse(wire, CultureInfo.InvariantCulture);
            expected = value < (target.Min ?? int.MinValue) || (target.Max is { } max && value > max) ? CaseDraft.Only(400) : null;
        }

        return Set(random, target, wire, $"{target.Name}={wire} (documented {Range(target)})", expected);
    }

    private CaseDraft Repeated(Random random)
    {
        var query = _profiles.Where(p => p.Kind != ParameterKind.PathId).ToList();
        if (query.Count == 0)
        {
            var name = random.Pick(["x", "page", "q"]);
            return new CaseDraft(Get(ValidPath(random), [(name, "1"), (name, "2")]), $"repeated undeclared {name}");
        }

        var target = random.Pick(query);
        var baseline = Baseline(random, target.Name);
        var first = WireTarget.Encode(random.Pick(target.ValidValues));
        var second = random.Next(3) switch
        {
            0 => first,
            1 => WireTarget.Encode(random.Pick(target.ValidValues)),
            _ => WireTarget.Encode(random.Pick(HostileValues.OtherShapes)),
        };
        var repeats = random.Next(2, 5);
        var pairs = Enumerable.Range(0, repeats).Select(i => (target.Name, (string?)(i % 2 == 0 ? first : second)));
        var expected = target.Kind == ParameterKind.TextList && target.ValidValues.Contains(Uri.UnescapeDataString(second)) ? CaseDraft.Only(200) : null;
        return new CaseDraft(Get(ValidPath(random), [.. baseline, .. pairs]), $"{target.Name} repeated {repeats} times: {first}, {second}", expected);
    }

    private CaseDraft Unknown(Random random)
    {
        var query = Baseline(random, null);
        var count = random.Next(1, 4);
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = random.Pick(HostileValues.UnknownNames);
            names.Add(name);
            var value = random.Next(3) switch
            {
                0 => WireTarget.Encode(random.Pick(HostileValues.OtherShapes)),
                1 => WireTarget.Encode(random.Pick(HostileValues.Sql)),
                _ => random.Next(1000).ToString(CultureInfo.InvariantCulture),
            };
            query.Insert(random.Next(query.Count + 1), (name, value));
        }

        return new CaseDraft(Get(ValidPath(random), query), $"unknown parameters {string.Join(", ", names)}");
    }

    /// <summary>The methods in turn from an offset that differs per operation, so all of them run across the routes.</summary>
    private CaseDraft WrongMethod(Random random, int number)
    {
        var methods = HostileValues.MethodsRefusedByReads;
        var method = methods[((CaseGenerator.Seed(0, _operation.OperationId, FuzzFamily.WrongMethod) % methods.Count) + number - 1) % methods.Count];
        var request = Get(ValidPath(random), Baseline(random, null)) with { Method = method };
        if (method is "POST" or "PUT" or "PATCH" && random.Next(2) == 0)
        {
            request = request.WithBody("{\"name\":\"x\"}"u8.ToArray(), "application/json");
        }

        return new CaseDraft(request, $"{method} on a GET route", CaseDraft.Only(405), AllowsOnly("GET"));
    }

    private CaseDraft WrongContentType(Random random)
    {
        var request = Get(ValidPath(random), Baseline(random, null));
        if (_operation.OperationId == "GetCondition" && random.Next(2) == 0)
        {
            var accept = random.Pick(["text/html", "application/xml", "text/plain", "image/png", "application/ld+json;q=0"]);
            return new CaseDraft(request.WithHeader("Accept", accept), $"Accept: {accept} on the JSON-LD resource", CaseDraft.Only(406));
        }

        var type = random.Pick([.. HostileValues.NonJsonContentTypes, .. HostileValues.OddJsonContentTypes]);
        var accepts = random.Pick(["", "application/xml", "text/csv", "*/*;q=0", "application/json;q=0", "text/html"]);
        request = request.WithBody("<cramp>x</cramp>"u8.ToArray(), type);
        request = accepts.Length == 0 ? request : request.WithHeader("Accept", accepts);
        return new CaseDraft(request, $"GET with a {type} body{(accepts.Length == 0 ? "" : $", Accept: {accepts}")}");
    }

    private CaseDraft WithBody(Random random, byte[] body, string contentType, string intent)
    {
        if (intent.StartsWith("oversized", StringComparison.Ordinal))
        {
            Array.Fill(body, (byte)' ');
        }

        var chunked = random.Next(3) == 0;
        var request = Get(ValidPath(random), Baseline(random, null)).WithBody(body, contentType, chunked);
        return new CaseDraft(request, $"{intent} ({body.Length} bytes{(chunked ? ", chunked" : "")})");
    }

    private CaseDraft Set(Random random, ParameterProfile target, string wire, string intent, IReadOnlySet<int>? expected = null, Func<RawResponse, string?>? oracle = null)
    {
        var path = ValidPath(random);
        var query = Baseline(random, target.Name);
        if (target.Kind == ParameterKind.PathId)
        {
            path[target.Name] = wire;
        }
        else
        {
            query.Add((target.Name, wire));
        }

        return new CaseDraft(Get(path, query), intent, expected, oracle);
    }

    private Dictionary<string, string> ValidPath(Random random) =>
        _profiles.Where(p => p.Kind == ParameterKind.PathId).ToDictionary(p => p.Name, p => WireTarget.Encode(random.Pick(p.ValidValues)));

    /// <summary>Required parameters with valid values, and some optional ones.</summary>
    private List<(string Name, string? Wire)> Baseline(Random random, string? except, double optionalChance = 0.3)
    {
        var query = new List<(string Name, string? Wire)>();
        foreach (var profile in _profiles.Where(p => p.Kind != ParameterKind.PathId && p.Name != except))
        {
            if ((profile.Parameter.Required || random.NextDouble() < optionalChance) && profile.ValidValues.Count > 0)
            {
                var value = profile.Kind == ParameterKind.TextList && random.Next(2) == 0
                    ? string.Join(',', random.Pick(profile.ValidValues), random.Pick(profile.ValidValues))
                    : random.Pick(profile.ValidValues);
                query.Add((profile.Name, WireTarget.Encode(value)));
            }
        }

        return query;
    }

    private RawRequest Get(IReadOnlyDictionary<string, string> path, IEnumerable<(string Name, string? Wire)> query) =>
        RawRequest.Of("GET", WireTarget.Build(_operation.Path, path, query));

    private IReadOnlySet<int>? JunkExpectation(ParameterProfile target, string decoded) => target.Kind switch
    {
        ParameterKind.PathId => CaseDraft.Only(404),
        ParameterKind.WholeNumber => int.TryParse(decoded, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : CaseDraft.Only(400),
        ParameterKind.TrueFalse => bool.TryParse(decoded, out _) ? null : CaseDraft.Only(400),
        _ when target.Vocabulary && !string.IsNullOrWhiteSpace(decoded) => CaseDraft.Only(400),
        _ when target.Name == "q" && IsRecordList && decoded.Length <= 200 => CaseDraft.Only(200),
        _ => null,
    };

    private static IReadOnlyList<int> BoundaryNumbers(ParameterProfile target) => target.Name switch
    {
        "page" => [0, 1, 10_000, 10_001, int.MaxValue, -1],
        _ when target.Max is { } max => [(target.Min ?? 1) - 1, target.Min ?? 1, max, max + 1],
        _ => [-1, 0, 1, int.MaxValue],
    };

    /// <summary>
    /// A parameterised substring filter finds no record whose name contains an SQL payload; an injected
    /// <c>OR 1=1</c> would match every row.
    /// </summary>
    private static Func<RawResponse, string?> NothingMatches(string payload) => response =>
    {
        if (response.Status != 200)
        {
            return null;
        }

        using var json = JsonDocument.Parse(response.Body);
        var total = json.RootElement.TryGetProperty("total", out var t) ? t.GetInt32() : -1;
        return total == 0 ? null : $"q={payload} matched {total} records; no record's name contains that text, so the SQL reached the query";
    };

    private static string? NoFileLeak(RawResponse response)
    {
        var body = response.BodyText;
        return body.Contains("root:x:0:0", StringComparison.Ordinal) || body.Contains("[fonts]", StringComparison.Ordinal)
            || body.Contains("SQLite format 3", StringComparison.Ordinal)
            ? "the response carries the content of a file outside the API"
            : null;
    }

    private static string? NoInjectedHeader(RawResponse response) =>
        response.Header("Set-Cookie") is null ? null : "a Set-Cookie header appeared: a CR LF in the input reached the response headers";

    private static Func<RawResponse, string?> AllowsOnly(string method) => response =>
        response.Status == 405 && response.Header("Allow") is { } allow
        && !allow.Split(',', StringSplitOptions.TrimEntries).Contains(method, StringComparer.OrdinalIgnoreCase)
            ? $"Allow: {allow} does not list {method}"
            : null;

    private static string Words(Random random, int length)
    {
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(random.Pick(["cramp", "night", "leg", "water", "calf", "muscle", "pain"])).Append(' ');
        }

        var result = text.ToString()[..length];
        return result.Length > 0 && result[^1] == ' ' ? result[..^1] + "s" : result;
    }

    private static string Range(ParameterProfile p) => p.Max is { } max ? $"{p.Min}-{max}" : p.Min is { } min ? $"from {min}" : "no range";

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string wire) => WireText.Escape(System.Text.Encoding.Latin1.GetBytes(wire), 200);
}
