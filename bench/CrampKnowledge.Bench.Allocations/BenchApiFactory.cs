using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// The API in process with Production settings, rate limiting off and no log output (bench/run.sh
/// measures the cost of logging over HTTP). CRAMPKNOWLEDGE_BENCH_DATABASE names a database built
/// with --build-database; without it one is built in a temporary folder.
/// </summary>
internal sealed class BenchApiFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Environment.GetEnvironmentVariable("CRAMPKNOWLEDGE_BENCH_DATABASE")
        ?? Path.Combine(Path.GetTempPath(), $"crampknowledge-bench-{Environment.ProcessId}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Knowledge", $"Data Source={_databasePath}");
        builder.UseSetting("Http:RateLimit:Enabled", "false");
        // The request log writes to stdout itself, not through a logging provider: switched off here too.
        builder.UseSetting("Http:RequestLog", "off");
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
