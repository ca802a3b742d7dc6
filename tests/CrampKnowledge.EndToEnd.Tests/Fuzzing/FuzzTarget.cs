using System.Globalization;
using System.Text.Json;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// One real API process (rate limiting off, so thousands of requests from one address are all
/// answered by the endpoints) with its contract, live data and a snapshot of its database taken
/// before any case runs. The fuzz run happens once, on first request, and its report is shared.
/// </summary>
public sealed class FuzzTarget : IAsyncLifetime
{
    public const int CasesPerFamily = 8;
    public const int Concurrency = 8;
    private const int DefaultSeed = 20_261_121;

    // Not a TempFolder field: a fixture is IAsyncLifetime, not IDisposable, and cleans up in DisposeAsync.
    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "crampknowledge-fuzz-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly Lock _gate = new();
    private Task<FuzzReport>? _run;

    public ApiProcess Api { get; private set; } = null!;
    public RawHttpClient Raw { get; private set; } = null!;
    public ApiContract Contract { get; private set; } = null!;
    public LiveData Live { get; private set; } = null!;
    public DatabaseSnapshot DatabaseBefore { get; private set; } = null!;
    public string CountsBefore { get; private set; } = "";

    /// <summary><c>CRAMPKNOWLEDGE_FUZZ_SEED</c> replays another corpus; the default keeps every run identical.</summary>
    public static int BaseSeed =>
        int.TryParse(Environment.GetEnvironmentVariable("CRAMPKNOWLEDGE_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : DefaultSeed;

    public async Task InitializeAsync()
    {
        Api = await ApiProcess.StartAsync(Path.Combine(_folder, "knowledge.db"), environment: new Dictionary<string, string>
        {
            ["Http__RateLimit__Enabled"] = "false",
        });
        Raw = new RawHttpClient(Api.BaseAddress);
        Contract = ApiContract.Parse(await Api.Client.GetStringAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative)));
        Live = await LiveData.LoadAsync(Api.Client);
        CountsBefore = await CountsAsync();
        DatabaseBefore = DatabaseSnapshot.Take(Api.DatabasePath);
    }

    public Task<FuzzReport> RunAsync()
    {
        lock (_gate)
        {
            return _run ??= Task.Run(() =>
            {
                var generator = new CaseGenerator(Contract, Live, BaseSeed, CasesPerFamily);
                var cases = Contract.Operations.SelectMany(generator.For).ToList();
                return FuzzRunner.RunAsync(Raw, new ResponseChecker(Contract), cases, BaseSeed, Concurrency);
            });
        }
    }

    /// <summary>
    /// The content version and record counts from <c>/api/v1</c>. A fresh query parameter keeps the
    /// output cache from answering, so the endpoint really reads the database.
    /// </summary>
    public async Task<string> CountsAsync()
    {
        var uncached = new Uri($"/api/v1?snapshot={Guid.NewGuid():N}", UriKind.Relative);
        using var index = JsonDocument.Parse(await Api.Client.GetStringAsync(uncached));
        return $"{index.RootElement.GetProperty("contentVersion").GetString()} {index.RootElement.GetProperty("counts").GetRawText()}";
    }

    public async Task DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not quite let go; the OS cleans temp eventually.
        }
    }
}
