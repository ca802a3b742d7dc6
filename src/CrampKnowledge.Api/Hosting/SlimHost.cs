using Microsoft.Extensions.Logging.Console;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// The API starts from <see cref="WebApplication.CreateSlimBuilder(string[])"/>, which leaves out what it never
/// uses: IIS integration, HTTP/3 (QUIC), hosting startup assemblies and the Debug and EventSource log
/// providers. Their code then stays out of memory: 4 MB less RSS after the benchmark's load (docs/benchmarks.md).
/// This puts back the two defaults the API does use.
/// </summary>
public static class SlimHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);

        // The slim builder pins the console formatter to "simple"; Logging:Console chooses it again
        // (JSON lines in production, appsettings.json).
        builder.Services.Configure<ConsoleLoggerOptions>(builder.Configuration.GetSection("Logging:Console"));
        ExpectedFailureLogFilter.Register(builder.Services);

        // Kestrel's TLS setup loads the crypto stack when the server starts, so it is added only when an
        // HTTPS address is configured (the API usually sits behind a proxy that terminates TLS).
        if (RequestsHttps(builder.Configuration))
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        return builder;
    }

    /// <summary>
    /// Whether an HTTPS address is configured: <c>--urls</c> or <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTPS_PORTS</c>,
    /// or a <c>Kestrel:Endpoints</c> entry (the same sources Kestrel binds from).
    /// </summary>
    public static bool RequestsHttps(IConfiguration configuration)
    {
        static bool IsHttps(string? url) => url is not null && url.TrimStart().StartsWith("https:", StringComparison.OrdinalIgnoreCase);

        var urls = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return urls.Any(IsHttps)
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(endpoint => IsHttps(endpoint["Url"]));
    }
}
