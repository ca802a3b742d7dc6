using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Faults;

/// <summary>
/// Start-up with a damaged database file: the API rebuilds it from seed-data or exits with one clear
/// line; it never serves wrong data and never crashes with a stack trace.
/// </summary>
public sealed class StartupFaultTests
{
    [Fact]
    public async Task AnAddressInUseStopsStartupWithOneLineNamingIt()
    {
        using var temp = new TempFolder();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}";

        // A configured endpoint replaces --urls, so the API binds only the occupied address.
        var (exitCode, output) = await ApiProcess.RunToExitAsync(temp.File("knowledge.db"), seedDataPath: null,
            new Dictionary<string, string> { ["Kestrel__Endpoints__Http__Url"] = address });

        Assert.Equal(1, exitCode);
        Assert.Contains($"Failed to bind to address {address}: address already in use.", output, StringComparison.Ordinal);
        // The host's own JSON log line records the exception in a field; nothing is printed as a crash.
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InDevelopmentAnAddressInUseIsOneLineWithoutTheHostsStackTrace()
    {
        using var temp = new TempFolder();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}";

        // `dotnet run` starts in Development, whose console log is plain text: the host's "Hosting failed to start"
        // entry printed the bind failure's whole stack trace before Program's one line.
        var (exitCode, output) = await ApiProcess.RunToExitAsync(temp.File("knowledge.db"), seedDataPath: null,
            new Dictionary<string, string> { ["Kestrel__Endpoints__Http__Url"] = address, ["ASPNETCORE_ENVIRONMENT"] = "Development" });

        Assert.Equal(1, exitCode);
        Assert.Contains($"Failed to bind to address {address}: address already in use.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Split('\n'), line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        // The Development log puts a space between the time and the level ("…498Z warn:", not "…498Zwarn:"). The bind
        // fails while the knowledge base is still loading, so the line is the host's, not the load's "Built …".
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (info|warn): Microsoft\."), output);
    }

    [Fact]
    public async Task ACorruptDatabaseFileIsRebuiltFromSeedData()
    {
        using var temp = new TempFolder();
        var database = temp.File("knowledge.db");
        await File.WriteAllBytesAsync(database, RandomBytes(64 * 1024, seed: 6));

        await using var api = await ApiProcess.StartAsync(database);

        Assert.Contains("cannot be read", api.Output, StringComparison.Ordinal);
        await AssertServesTheSeedAsync(api);
    }

    [Fact]
    public async Task ATruncatedDatabaseFileIsRebuiltFromSeedData()
    {
        using var temp = new TempFolder();
        var database = temp.File("knowledge.db");
        await BuildAsync(database);
        var bytes = await File.ReadAllBytesAsync(database);
        await File.WriteAllBytesAsync(database, bytes[..(bytes.Length / 3)]);

        await using var api = await ApiProcess.StartAsync(database);

        Assert.Contains("Built", api.Output, StringComparison.Ordinal);
        await AssertServesTheSeedAsync(api);
    }

    [Fact]
    public async Task AnEmptyDatabaseFileIsRebuiltFromSeedData()
    {
        using var temp = new TempFolder();
        var database = temp.File("knowledge.db");
        await File.WriteAllBytesAsync(database, []);

        await using var api = await ApiProcess.StartAsync(database);

        await AssertServesTheSeedAsync(api);
    }

    [Fact]
    public async Task ADatabaseLockedByAnotherProcessIsReplacedNotWaitedOn()
    {
        using var temp = new TempFolder();
        var database = temp.File("knowledge.db");
        await BuildAsync(database);
        using var locker = SqliteLockHolder.Lock(database);
        var started = Stopwatch.StartNew();

        await using var api = await ApiProcess.StartAsync(database);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"start-up took {started.Elapsed}");
        Assert.Contains("cannot be read", api.Output, StringComparison.Ordinal);
        await AssertServesTheSeedAsync(api);
    }

    [Fact]
    public async Task AnUnwritableLocationWithNoDatabaseStopsStartupWithOneClearLine()
    {
        // /proc refuses new files even to root, so this is unwritable whoever runs the tests.
        var (exitCode, output) = await ApiProcess.RunToExitAsync("/proc/crampknowledge/knowledge.db", seedDataPath: null);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Cannot build the database at /proc/crampknowledge/knowledge.db", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AReadOnlyValidDatabaseIsServedWithoutBeingWritten()
    {
        using var temp = new TempFolder();
        var database = temp.File("knowledge.db");
        await BuildAsync(database);
        var before = (File.GetLastWriteTimeUtc(database), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(database))));
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await using (var api = await ApiProcess.StartAsync(database))
        {
            await AssertServesTheSeedAsync(api);
            for (var i = 0; i < 50; i++)
            {
                await api.Client.GetAsync(new Uri($"/api/v1/search?q=cramp{i}", UriKind.Relative));
            }

            Assert.Contains("Opened", api.Output, StringComparison.Ordinal);
        }

        var after = (File.GetLastWriteTimeUtc(database), Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(database))));
        Assert.Equal(before, after);
        Assert.Empty(Directory.GetFiles(temp.Path, "knowledge.db-*"));
    }

    [Fact]
    public async Task InvalidSeedDataLeavesTheLastGoodDatabaseUntouched()
    {
        using var temp = new TempFolder();
        var database = temp.File("knowledge.db");
        await BuildAsync(database);
        var good = await File.ReadAllBytesAsync(database);
        var seed = temp.CopySeedData();
        var links = Path.Combine(seed, "links.json");
        await File.WriteAllTextAsync(links, (await File.ReadAllTextAsync(links)).Replace("\"cause\": \"dehydration\"", "\"cause\": \"no-such-cause\"", StringComparison.Ordinal));

        var (exitCode, output) = await ApiProcess.RunToExitAsync(database, seed);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("links.json", output, StringComparison.Ordinal);
        Assert.Contains("links to missing cause 'no-such-cause'", output, StringComparison.Ordinal);
        Assert.Equal(good, await File.ReadAllBytesAsync(database));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.building"));
    }

    [Fact]
    public async Task ACurrentDatabaseMissingATableStopsStartupWithOneClearLine()
    {
        using var temp = new TempFolder();
        var database = await CurrentDatabaseWithoutLinksAsync(temp);

        var (exitCode, output) = await ApiProcess.RunToExitAsync(database, seedDataPath: null);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Cannot open the database at {database} read-only", output, StringComparison.Ordinal);
        Assert.Contains("no such table: Links", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestsHeldWhileTheLoadFailsGet503ProblemDetailsAndNothingElse()
    {
        // Kestrel listens while the knowledge base loads, and a gate holds each request until the load is done. When the
        // load fails, the process exits and every held request must get the gate's 503 ProblemDetails: no 200 from a
        // missing snapshot, no 500. The window is the failing load (a few hundred ms at most), so the start is repeated
        // until a request has landed in it.
        using var temp = new TempFolder();
        var database = await CurrentDatabaseWithoutLinksAsync(temp);

        var answers = new List<(HttpStatusCode Status, string? MediaType, string Body)>();
        for (var start = 0; start < 5 && answers.Count == 0; start++)
        {
            await using var api = ApiProcess.Launch(database);
            while (!api.HasExited)
            {
                try
                {
                    using var response = await api.Client.GetAsync(new Uri("/api/v1/causes/dehydration", UriKind.Relative));
                    answers.Add((response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()));
                }
                catch (HttpRequestException)
                {
                    // Not listening yet, or gone.
                    await Task.Delay(5);
                }
            }

            var (exitCode, output) = await api.WaitForExitAsync();
            Assert.Equal(1, exitCode);
            Assert.Contains("no such table: Links", output, StringComparison.Ordinal);
        }

        Assert.NotEmpty(answers);
        Assert.All(answers, answer =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
            Assert.Equal("application/problem+json", answer.MediaType);
            using var problem = JsonDocument.Parse(answer.Body);
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("The knowledge base could not be loaded; the server is stopping.", problem.RootElement.GetProperty("title").GetString());
        });
    }

    /// <summary>A database built from seed-data, so current, then missing its Links table: the load fails, the build check does not.</summary>
    private static async Task<string> CurrentDatabaseWithoutLinksAsync(TempFolder temp)
    {
        var database = temp.File("knowledge.db");
        await BuildAsync(database);
        await DropTableAsync(database, "Links");
        return database;
    }

    /// <summary>Drops a table with python3's sqlite3, as any tool might; this project does not reference the SQLite provider.</summary>
    private static async Task DropTableAsync(string database, string table)
    {
        var drop = new ProcessStartInfo("python3")
        {
            ArgumentList = { "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('DROP TABLE ' + sys.argv[2]); c.commit()", database, table },
        };
        using var dropping = Process.Start(drop)!;
        await dropping.WaitForExitAsync();
        Assert.Equal(0, dropping.ExitCode);
    }

    private static async Task BuildAsync(string database)
    {
        var (exitCode, output) = await ApiProcess.BuildDatabaseAsync(database);
        Assert.True(exitCode == 0, output);
    }

    /// <summary>The served counts equal the seed files': nothing partial or stale is served.</summary>
    private static async Task AssertServesTheSeedAsync(ApiProcess api)
    {
        using var index = JsonDocument.Parse(await api.Client.GetStringAsync(new Uri("/api/v1", UriKind.Relative)));
        var counts = index.RootElement.GetProperty("counts");
        var seed = Path.Combine(Path.GetDirectoryName(ApiProcess.ApiAssemblyPath)!, "seed-data");
        foreach (var (property, file) in new[] { ("causes", "causes.json"), ("treatments", "treatments.json"), ("preventions", "preventions.json"), ("redFlags", "red-flags.json") })
        {
            using var records = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(seed, file)));
            Assert.Equal(records.RootElement.GetArrayLength(), counts.GetProperty(property).GetInt32());
        }

        using var ready = await api.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
