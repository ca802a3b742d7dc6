using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests;

/// <summary>
/// The built API started as a real process on 127.0.0.1 with its own database file, the way a
/// user or a container runs it.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ApiProcess(Process process, Uri baseAddress, string databasePath)
    {
        _process = process;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }
    public string DatabasePath { get; }
    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string ApiAssemblyPath => Path.GetFullPath(typeof(ApiProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ApiAssemblyPath").Value!);

    /// <summary>
    /// Starts the API and returns once it answers, or throws with everything it printed.
    /// <paramref name="environment"/> adds or overrides variables (<c>Http__RateLimit__PermitLimit</c>);
    /// <paramref name="alsoListenOn"/> adds addresses to <c>--urls</c> beside <see cref="BaseAddress"/>.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(
        string databasePath, string? seedDataPath = null, IReadOnlyDictionary<string, string>? environment = null,
        params string[] alsoListenOn)
    {
        var api = Launch(databasePath, seedDataPath, environment, alsoListenOn, []);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (api._process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {api._process.ExitCode}:\n{api.Output}");
            }

            try
            {
                using var response = await api.Client.GetAsync(new Uri("/api/v1", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await api.DisposeAsync();
        throw new TimeoutException($"The API did not answer within 60 s:\n{api.Output}");
    }

    /// <summary>Starts the API and returns at once, before it listens (to see what an early request gets).</summary>
    public static ApiProcess Launch(string databasePath, string? seedDataPath = null) =>
        Launch(databasePath, seedDataPath, environment: null, [], []);

    /// <summary>Runs the API until it exits by itself (e.g. on invalid seed data); returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        string databasePath, string? seedDataPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var api = Launch(databasePath, seedDataPath, environment, [], []);
        return await api.WaitForExitAsync();
    }

    public int ProcessId => _process.Id;

    /// <summary>The process's resident memory now (VmRSS from /proc), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Sends SIGTERM, as Docker and Kubernetes do to stop a container, and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    /// <summary>Runs <c>--build-database</c>, as the container image build does; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> BuildDatabaseAsync(string databasePath)
    {
        await using var api = Launch(databasePath, seedDataPath: null, environment: null, [], ["--build-database"]);
        return await api.WaitForExitAsync();
    }

    /// <summary>Ends the process at once (SIGKILL), the way a crashed or evicted replica goes away.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits (at most 60 s) for the process to exit by itself; returns exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return (_process.ExitCode, Output);
    }

    private static ApiProcess Launch(
        string databasePath, string? seedDataPath, IReadOnlyDictionary<string, string>? environment,
        string[] alsoListenOn, string[] arguments)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ApiAssemblyPath, "--urls", string.Join(';', [baseAddress.ToString(), .. alsoListenOn]) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ApiAssemblyPath)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Knowledge"] = $"Data Source={databasePath}";
        if (seedDataPath is not null)
        {
            start.Environment["Knowledge__SeedDataPath"] = seedDataPath;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var api = new ApiProcess(process, baseAddress, databasePath);
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>A port nothing listens on right now (the OS picks it).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
