namespace CrampKnowledge.Api.Telemetry;

/// <summary>
/// The <c>Telemetry</c> configuration section. Where traces and metrics are pushed is not here: the OTLP exporter reads
/// the standard <c>OTEL_EXPORTER_OTLP_*</c> variables, and is added only when an endpoint is set.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>False turns off every meter listener, exporter and the scrape endpoint.</summary>
    public bool Enabled { get; set; } = true;

    public PrometheusSettings Prometheus { get; set; } = new();

    public sealed class PrometheusSettings
    {
        /// <summary>Serve the metrics in Prometheus' text format for a scraper to pull.</summary>
        public bool Enabled { get; set; } = true;

        public string Path { get; set; } = "/metrics";
    }
}
