using System.Globalization;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// Finds the operation a request target really reaches, the way Kestrel and routing resolve it:
/// percent-escapes decoded (except <c>%2F</c>), dot segments removed, a trailing slash ignored,
/// literals matched case-insensitively and preferred to parameters. A traversal such as
/// <c>/causes/%2e%2e/treatments</c> lands on <c>/treatments</c>, and its answer is checked against that schema.
/// </summary>
public sealed class ContractRouter(IReadOnlyList<ApiOperation> operations)
{
    public ApiOperation? Match(string method, string target)
    {
        var segments = Segments(target);
        var wanted = method == "HEAD" ? "GET" : method;
        return operations
            .Where(o => o.Method == wanted)
            .Select(o => (Operation: o, Literals: Literals(o.Path, segments)))
            .Where(m => m.Literals >= 0)
            .OrderByDescending(m => m.Literals)
            .Select(m => m.Operation)
            .FirstOrDefault();
    }

    /// <summary>How many literal segments match, or -1 when the template does not match at all.</summary>
    private static int Literals(string template, List<string> segments)
    {
        var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != segments.Count)
        {
            return -1;
        }

        var literals = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{'))
            {
                if (segments[i].Length == 0)
                {
                    return -1;
                }
            }
            else if (parts[i].Equals(segments[i], StringComparison.OrdinalIgnoreCase))
            {
                literals++;
            }
            else
            {
                return -1;
            }
        }

        return literals;
    }

    private static List<string> Segments(string target)
    {
        // Kestrel ends the target at the first space (a raw space in it leaves the rest to the version).
        var path = target.Split(' ', 2)[0].Split('?', 2)[0];
        var segments = new List<string>();
        foreach (var raw in path.Split('/').Skip(1))
        {
            var segment = DecodeAscii(raw);
            if (segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        if (segments.Count > 0 && segments[^1].Length == 0)
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return segments;
    }

    /// <summary>Decodes ASCII percent-escapes other than <c>%2F</c>; the rest cannot match a literal anyway.</summary>
    private static string DecodeAscii(string segment)
    {
        var decoded = new StringBuilder(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '%' && i + 2 < segment.Length
                && byte.TryParse(segment.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b)
                && b is > 0 and < 0x80 && b != '/')
            {
                decoded.Append((char)b);
                i += 2;
            }
            else
            {
                decoded.Append(segment[i]);
            }
        }

        return decoded.ToString();
    }
}
