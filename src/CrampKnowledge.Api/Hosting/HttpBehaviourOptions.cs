namespace CrampKnowledge.Api.Hosting;

/// <summary>The <c>Http</c> configuration section: how the API behaves as a public HTTP service.</summary>
public sealed class HttpBehaviourOptions
{
    public const string Section = "Http";

    /// <summary><c>Cache-Control: max-age</c> on every successful GET; the content only changes with a new deployment.</summary>
    public int CacheMaxAgeSeconds { get; set; } = 300;

    /// <summary>Longest query string accepted; longer ones get 414 (questions go in <c>q</c>, which allows 200 characters).</summary>
    public int MaxQueryLength { get; set; } = 2048;

    /// <summary>Largest request body accepted (the red-flag check is the only endpoint that takes one).</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public const string RequestLogToStdout = "stdout";
    public const string RequestLogToLogger = "logger";

    /// <summary>Where request log lines go: <c>stdout</c> (batched JSON), <c>logger</c> (ILogger) or <c>off</c>.</summary>
    public string RequestLog { get; set; } = RequestLogToLogger;

    public bool HttpsRedirection { get; set; }
    public bool Hsts { get; set; }

    public CorsSettings Cors { get; set; } = new();
    public RateLimitSettings RateLimit { get; set; } = new();
    public ResponseCacheSettings ResponseCache { get; set; } = new();
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public sealed class CorsSettings
    {
        /// <summary>
        /// Origins allowed to call from browsers; <c>*</c> allows any (appsettings.json ships <c>["*"]</c>).
        /// Empty here because the configuration binder appends to, rather than replaces, a default array.
        /// </summary>
        public string[] AllowedOrigins { get; set; } = [];
    }

    public sealed class RateLimitSettings
    {
        public bool Enabled { get; set; } = true;
        public int PermitLimit { get; set; } = 100;
        public int WindowSeconds { get; set; } = 10;
    }

    public sealed class ResponseCacheSettings
    {
        /// <summary>Replay repeated GETs under /api from memory (see ResponseCacheMiddleware).</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>Memory the cached answers may use in all.</summary>
        public int MaxMegabytes { get; set; } = 16;

        /// <summary>Answers kept at most, whatever their size.</summary>
        public int MaxEntries { get; set; } = 4096;

        /// <summary>Larger bodies are sent but not kept.</summary>
        public int MaxBodyKilobytes { get; set; } = 512;
    }

    public sealed class ForwardedHeadersSettings
    {
        /// <summary>Trust X-Forwarded-* from any proxy (containers behind a private network); otherwise loopback only.</summary>
        public bool TrustAllProxies { get; set; }
        public string[] KnownProxies { get; set; } = [];
    }
}
