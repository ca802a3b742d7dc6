using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>Builds request targets from a path template, wire-ready path values and query pairs.</summary>
public static class WireTarget
{
    /// <summary>Percent-encodes text the way a careful client does (UTF-8, everything but unreserved characters).</summary>
    public static string Encode(string text) => Uri.EscapeDataString(text);

    /// <summary>
    /// <paramref name="pathValues"/> and query values are inserted exactly as given; a null value writes
    /// the name alone (<c>?page</c>), an empty name writes <c>=value</c>.
    /// </summary>
    public static string Build(string template, IReadOnlyDictionary<string, string> pathValues, IEnumerable<(string Name, string? Wire)> query)
    {
        var path = new StringBuilder(template);
        foreach (var (name, value) in pathValues)
        {
            path.Replace("{" + name + "}", value);
        }

        var pairs = query.Select(q => q.Wire is null ? q.Name : $"{q.Name}={q.Wire}").ToList();
        return pairs.Count == 0 ? path.ToString() : $"{path}?{string.Join('&', pairs)}";
    }

    /// <summary>
    /// True when the request line breaks the HTTP/1.1 grammar (RFC 9112 §3: no raw controls, spaces or
    /// non-ASCII bytes in a request target) or holds what Kestrel refuses while parsing it (a NUL in the
    /// decoded path). Kestrel answers such requests itself, before any middleware runs.
    /// </summary>
    public static bool IsMalformedRequestLine(RawRequest request)
    {
        var target = request.Target;
        var path = target.Split('?', 2)[0];
        return target.Any(c => c is < '\u0021' or >= '\u007F') || path.Contains("%00", StringComparison.Ordinal);
    }
}
