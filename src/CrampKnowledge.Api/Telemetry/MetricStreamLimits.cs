using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace CrampKnowledge.Api.Telemetry;

/// <summary>
/// Written for memory: how many tag combinations each metric stream reserves room for. The SDK's default, 2,000 per
/// stream, is allocated up front as an array of metric points for each of the ~40 instruments we listen to, whether
/// or not a combination ever occurs: 5.3 MB of anonymous memory right after start. Lowered to what our label sets can
/// reach, RSS after the benchmark's 1x load went from 160.0 to 151.8 MB (medians of 3; docs/benchmarks.md), with the
/// same series and buckets on /metrics. A combination past the limit is folded into the overflow series
/// (<c>otel_metric_overflow="true"</c>), which the tests check never appears.
/// </summary>
public static class MetricStreamLimits
{
    /// <summary>Request metrics carry the route, method, status code and protocol: about 25 routes times a few of each.</summary>
    public const int PerRequestStream = 1000;

    /// <summary>Every other stream has fixed words for tags (a GC generation, a CPU mode, a rate-limit result, a
    /// seeDoctor level, an exception type): a few dozen combinations at most.</summary>
    public const int PerOtherStream = 100;

    /// <summary>The view: keeps each stream's name, aggregation and histogram buckets, changes only its limit.</summary>
    public static MetricStreamConfiguration? ForInstrument(Instrument instrument) => new()
    {
        CardinalityLimit = instrument.Name.StartsWith("http.server.", StringComparison.Ordinal) ? PerRequestStream : PerOtherStream,
    };
}
