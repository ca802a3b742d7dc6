namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The production topology on one machine: the database built once with <c>--build-database</c>
/// (as the image build does), several API processes serving that same file read-only, each on its
/// own port, and nginx in front of them with the shared configuration.
/// </summary>
public abstract class ScaleOutCluster(int replicaCount, IReadOnlyDictionary<string, string> environment) : IAsyncLifetime
{
    // Not a TempFolder field: a fixture is IAsyncLifetime, not IDisposable, and cleans up in DisposeAsync.
    private readonly string _folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "crampknowledge-e2e-" + Guid.NewGuid().ToString("N"))).FullName;
    private readonly List<ApiProcess> _replicas = [];
    private NginxProcess? _nginx;

    public IReadOnlyList<ApiProcess> Replicas => _replicas;
    public NginxProcess Nginx => _nginx ?? throw new InvalidOperationException("The cluster has not started (is nginx installed?).");
    public HttpClient Proxy => Nginx.Client;
    public string DatabasePath => Path.Combine(_folder, "knowledge.db");
    public DateTime DatabaseBuiltAtUtc { get; private set; }

    /// <summary>The replica that listens on <c>host:port</c>, as nginx names it in X-Upstream.</summary>
    public int ReplicaAt(string? upstream) =>
        _replicas.FindIndex(r => $"{r.BaseAddress.Host}:{r.BaseAddress.Port}" == upstream);

    public async Task InitializeAsync()
    {
        // Without nginx every test of the class is skipped (RequiresToolsFact); start nothing.
        if (ExternalTools.Find(ExternalTools.Nginx) is null && !ExternalTools.Required)
        {
            return;
        }

        try
        {
            var (exitCode, output) = await ApiProcess.BuildDatabaseAsync(DatabasePath);
            if (exitCode != 0 || !File.Exists(DatabasePath))
            {
                throw new InvalidOperationException($"--build-database exited with {exitCode} and built no file:\n{output}");
            }

            DatabaseBuiltAtUtc = File.GetLastWriteTimeUtc(DatabasePath);
            var starting = Enumerable.Range(0, replicaCount)
                .Select(_ => ApiProcess.StartAsync(DatabasePath, environment: environment)).ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                _replicas.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            _nginx = await NginxProcess.StartAsync(Path.Combine(_folder, "nginx"), _replicas.Select(r => r.BaseAddress));
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed; leave no process behind.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
            _nginx = null;
        }

        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        _replicas.Clear();
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
