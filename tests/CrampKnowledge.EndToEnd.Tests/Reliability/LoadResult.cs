using System.Globalization;

namespace CrampKnowledge.EndToEnd.Tests.Reliability;

/// <summary>What one bounded load run measured.</summary>
public sealed record LoadResult(int Requests, int Errors, TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds, IReadOnlyList<string> ErrorSamples)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} requests, {Errors} errors, {Elapsed.TotalSeconds:F1} s, {RequestsPerSecond:F0} req/s, p50 {P50Milliseconds:F2} ms, p99 {P99Milliseconds:F2} ms");
}
