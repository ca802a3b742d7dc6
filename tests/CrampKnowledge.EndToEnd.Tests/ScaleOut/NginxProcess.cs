using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// A real nginx on 127.0.0.1 running deploy/nginx/crampknowledge.conf, the file docker-compose
/// mounts, with this test's own top-level nginx.conf (paths in a scratch folder) and its own
/// upstream.conf and listen.conf beside it.
/// </summary>
public sealed partial class NginxProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private NginxProcess(Process process, string folder, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        BaseAddress = baseAddress;
        Client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public static string SharedConfiguration => RepositoryRoot.File("deploy", "nginx", "crampknowledge.conf");

    /// <summary>docker-compose's upstream list; the tests take its passive health-check parameters from it.</summary>
    public static string ComposeUpstreams => RepositoryRoot.File("deploy", "nginx", "compose", "upstream.conf");

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    public string ErrorLog => ReadLog("error.log");
    public string AccessLog => ReadLog("access.log");

    /// <summary>The <c>max_fails=… fail_timeout=…</c> that docker-compose gives each replica.</summary>
    public static string ComposeServerParameters()
    {
        var match = ServerLine().Match(File.ReadAllText(ComposeUpstreams));
        return match.Success
            ? match.Groups["parameters"].Value.Trim()
            : throw new InvalidOperationException($"No server line in {ComposeUpstreams}.");
    }

    public static async Task<NginxProcess> StartAsync(string folder, IEnumerable<Uri> replicas)
    {
        Directory.CreateDirectory(folder);
        var parameters = ComposeServerParameters();
        File.WriteAllLines(Path.Combine(folder, "upstream.conf"),
            replicas.Select(r => $"server {r.Host}:{r.Port} {parameters};"));
        var port = ApiProcess.FreePort();
        File.WriteAllText(Path.Combine(folder, "listen.conf"), $"listen 127.0.0.1:{port};\n");
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), TopLevelConfiguration(folder));

        var start = new ProcessStartInfo(ExternalTools.Nginx)
        {
            ArgumentList = { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-e", Path.Combine(folder, "error.log") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var nginx = new NginxProcess(process, folder, new Uri($"http://127.0.0.1:{port}"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                var log = nginx.ErrorLog;
                await nginx.DisposeAsync();
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}:\n{log}");
            }

            try
            {
                using var response = await nginx.Client.GetAsync(new Uri("/nginx-health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return nginx;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        var errors = nginx.ErrorLog;
        await nginx.DisposeAsync();
        throw new TimeoutException($"nginx did not answer within 10 s:\n{errors}");
    }

    /// <summary>The replica that produced a response: the last address in X-Upstream (earlier ones failed), or null for a cache hit.</summary>
    public static string? FinalUpstream(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Upstream", out var values)
            ? values.SelectMany(v => v.Split([", ", " : "], StringSplitOptions.RemoveEmptyEntries)).LastOrDefault()
            : null;

    public static string? CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Cache-Status", out var values) ? values.Single() : null;

    private static string TopLevelConfiguration(string folder) => string.Create(CultureInfo.InvariantCulture, $$"""
        # Written by the scale-out tests; the proxy itself is {{SharedConfiguration}}.
        daemon off;
        worker_processes 2;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;

        events {
            worker_connections 1024;
        }

        http {
            log_format upstreams '$request_method $request_uri $status upstream=$upstream_addr upstream_status=$upstream_status cache=$upstream_cache_status time=$request_time';
            access_log {{folder}}/access.log upstreams;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            proxy_cache_path {{folder}}/cache levels=1:2 keys_zone=crampknowledge:10m max_size=50m inactive=10m use_temp_path=off;

            include {{SharedConfiguration}};
        }

        """);

    private string ReadLog(string name)
    {
        var path = Path.Combine(_folder, name);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return $"({name} could not be read)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            // The master and both workers; nothing of nginx may outlive the test.
            _process.Kill(entireProcessTree: true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^\s*server\s+\S+\s+(?<parameters>[^;]*);", RegexOptions.Multiline)]
    private static partial Regex ServerLine();
}
