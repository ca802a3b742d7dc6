using System.Globalization;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>Everything one fuzz run did and found.</summary>
public sealed record FuzzReport(
    string Host,
    int BaseSeed,
    int Operations,
    int Requests,
    int Narrowed,
    TimeSpan Duration,
    IReadOnlyDictionary<int, int> Statuses,
    IReadOnlyList<FuzzFailure> Failures,
    IReadOnlyList<(FuzzCase Case, RawResponse Response)> ServerRejections,
    IReadOnlyList<(FuzzCase Case, TimeSpan Elapsed)> Slowest)
{
    public string Summary(bool listRejections = true)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Requests} requests over {Operations} operations in {Duration.TotalSeconds:F1} s (base seed {BaseSeed}; set CRAMPKNOWLEDGE_FUZZ_SEED to replay another).");
        text.AppendLine(CultureInfo.InvariantCulture, $"{Narrowed} cases had an exact expected status or a case-specific check; the rest the global rules only.");
        text.AppendLine("Statuses: " + string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        text.AppendLine("Slowest: " + string.Join(", ", Slowest.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Case.Name} {s.Elapsed.TotalMilliseconds:F0} ms"))));
        text.AppendLine(CultureInfo.InvariantCulture, $"Failures: {Failures.Count}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Refused by Kestrel before the API ran (request line breaks RFC 9112; bare 400, no body possible): {ServerRejections.Count}.");
        foreach (var (rejected, _) in listRejections ? ServerRejections : [])
        {
            var line = WireText.Escape(Encoding.Latin1.GetBytes($"{rejected.Request.Method} {rejected.Request.Target}"), 160, breakLines: false);
            text.AppendLine($"  - {rejected.Name}: {line}");
        }

        return text.ToString();
    }

    /// <summary>The failures grouped by rule, then the first <paramref name="inFull"/> in full.</summary>
    public string DescribeFailures(int inFull)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Failures.Count} of {Requests} requests broke the contract:");
        foreach (var group in Failures.GroupBy(f => $"{f.Case.Operation.OperationId} · {f.Case.Family}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rules = string.Join("; ", group.SelectMany(f => f.Violations).Distinct().Take(3));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key}: {group.Count()} ({rules})");
        }

        text.AppendLine();
        foreach (var failure in Failures.Take(inFull))
        {
            text.AppendLine(failure.Describe(Host, BaseSeed));
        }

        return text.ToString();
    }
}
