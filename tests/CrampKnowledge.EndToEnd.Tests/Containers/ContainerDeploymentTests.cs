using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrampKnowledge.EndToEnd.Tests.ScaleOut;
using Xunit.Abstractions;
using static CrampKnowledge.EndToEnd.Tests.ScaleOut.ProxyRequests;

namespace CrampKnowledge.EndToEnd.Tests.Containers;

/// <summary>
/// What docker-compose.yml promises, checked on the real image and containers: nothing but /tmp is
/// writable, the app runs as a non-root user with no capabilities and with the image's runtime settings
/// (the GC's gen0 budget, W^X off, glibc's arena limit) in its own environment, every replica is healthy on
/// /health/ready (compose's own health check included), every replica gives the same strong ETag,
/// nginx answers 304, and killing a replica under load fails no request. The test that kills a
/// replica runs last (<see cref="KillingTestsLastOrderer"/>).
/// </summary>
[Collection(ContainerGroup.Name)]
[TestCaseOrderer(KillingTestsLastOrderer.TypeName, KillingTestsLastOrderer.AssemblyName)]
public sealed partial class ContainerDeploymentTests(ContainerDeployment deployment, ITestOutputHelper output)
{
    // docker-compose.yml's healthcheck, word for word: the image has bash but neither curl nor wget.
    private const string ComposeHealthCheck =
        "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '";

    private static readonly string[] ApiWriteProbes = ["/home/app/probe", "/app/probe", "/etc/probe"];
    private static readonly string[] NginxWriteProbes = ["/etc/probe", "/probe"];

    [RequiresContainersFact]
    public async Task EveryReplicaIsHealthyOnHealthReadyAndPassesComposesHealthCheck()
    {
        output.WriteLine($"Image built in {deployment.ImageBuildTime.TotalSeconds:F1} s; {ContainerDeployment.ReplicaCount} API containers and nginx started in {deployment.StartTime.TotalSeconds:F1} s.");
        for (var i = 0; i < deployment.Replicas.Count; i++)
        {
            using var response = await deployment.ReplicaClients[i].GetAsync(new Uri("/health/ready", UriKind.Relative));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var check = await deployment.Replicas[i].ExecAsync(["bash", "-c", ComposeHealthCheck]);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
            Assert.True(check.ExitCode == 0, $"api{i + 1}: compose's health check exited with {check.ExitCode}: {check.Stderr}");
        }
    }

    [RequiresContainersFact]
    public async Task NothingButTmpIsWritableInAnyContainer()
    {
        // In the API containers /home/app belongs to the app user; nginx's exec runs as root: only a
        // read-only root filesystem stops these writes.
        var probes = deployment.Replicas.Select(r => (Container: r, Paths: ApiWriteProbes))
            .Append((Container: deployment.Nginx, Paths: NginxWriteProbes));
        foreach (var (container, paths) in probes)
        {
            foreach (var path in paths)
            {
                var write = await container.ExecAsync(["sh", "-c", $"echo x > {path}"]);
                Assert.True(write.ExitCode != 0, $"{container.Name}: wrote {path}");
                Assert.Contains("Read-only file system", write.Stderr, StringComparison.Ordinal);
            }

            var tmp = await container.ExecAsync(["sh", "-c", "echo x > /tmp/probe && cat /tmp/probe && rm /tmp/probe"]);
            Assert.True(tmp.ExitCode == 0, $"{container.Name}: /tmp is not writable: {tmp.Stderr}");
        }
    }

    [RequiresContainersFact]
    public async Task TheApiRunsAsTheNonRootAppUserWithNoCapabilitiesAndNoNewPrivileges()
    {
        foreach (var replica in deployment.Replicas)
        {
            // PID 1 is the API itself (the image's ENTRYPOINT runs dotnet directly).
            var status = await replica.ExecAsync(["cat", "/proc/1/status"]);
            var command = await replica.ExecAsync(["cat", "/proc/1/cmdline"]);
            var fields = status.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(':', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1].Trim());

            Assert.StartsWith("dotnet\0CrampKnowledge.Api.dll", command.Stdout, StringComparison.Ordinal);
            var uids = fields["Uid"].Split('\t', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(uids, uid => Assert.Equal("1654", uid));
            Assert.Equal("0000000000000000", fields["CapEff"]);
            Assert.Equal("0000000000000000", fields["CapBnd"]);
            Assert.Equal("1", fields["NoNewPrivs"]);
        }
    }

    [RequiresContainersFact]
    public async Task TheApiProcessRunsWithTheRuntimeSettingsOfTheImage()
    {
        // The GC's gen0 budget, W^X and glibc's arena limit are read only from the environment, so each must reach PID 1
        // itself; the names and values are those of the runtime stage's ENV, so a setting added there is checked too.
        var dockerfile = await File.ReadAllTextAsync(RepositoryRoot.File("Dockerfile"));
        var stageStart = dockerfile.IndexOf(" AS runtime", StringComparison.Ordinal);
        Assert.True(stageStart >= 0, "The Dockerfile has no stage named runtime.");
        var runtimeStage = string.Join('\n', dockerfile[stageStart..].Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        var expected = RuntimeSetting().Matches(runtimeStage).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        Assert.Contains("MALLOC_ARENA_MAX", expected.Keys);
        Assert.Contains("DOTNET_GCgen0size", expected.Keys);

        foreach (var replica in deployment.Replicas)
        {
            var environ = await replica.ExecAsync(["cat", "/proc/1/environ"]);
            var variables = environ.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(variable => variable.Split('=', 2))
                .ToDictionary(parts => parts[0], parts => parts.Length == 2 ? parts[1] : "");
            foreach (var (name, value) in expected)
            {
                Assert.True(variables.TryGetValue(name, out var actual) && actual == value, $"{replica.Name}: {name} is {actual ?? "unset"}, the image sets {value}");
            }
        }
    }

    [RequiresContainersFact]
    public async Task EveryReplicaGivesTheSameStrongETagForTheSameUrl()
    {
        string[] urls = ["/api/v1/causes/dehydration", "/api/v1/treatments?cause=dehydration&sort=-sourceCount", "/api/v1/search?q=charley%20horse"];
        var etagsByUrl = new List<string>();

        foreach (var url in urls)
        {
            var etags = new List<string?>();
            foreach (var replica in deployment.ReplicaClients)
            {
                // Straight to each container, with the Host nginx forwards: it is part of the ETag.
                using var response = await SendAsync(replica, Get(url, host: deployment.ProxiedHost));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(response.Headers.ETag?.IsWeak, $"{url}: the ETag must be strong");
                etags.Add(ETag(response));
            }

            Assert.NotNull(etags[0]);
            Assert.All(etags, etag => Assert.Equal(etags[0], etag));
            etagsByUrl.Add(etags[0]!);
        }

        Assert.Equal(urls.Length, etagsByUrl.Distinct().Count());
    }

    [RequiresContainersFact]
    public async Task TheProxyAnswersNotModifiedWhicheverReplicaServes()
    {
        const string Url = "/api/v1/treatments/stretch-the-muscle";
        using var first = await SendAsync(deployment.Proxy, Get(Url, bypassCache: true));
        var etag = ETag(first);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        var replicas = new HashSet<int>();

        for (var i = 0; i < 12; i++)
        {
            using var response = await SendAsync(deployment.Proxy, Get(Url, bypassCache: true, ifNoneMatch: etag));

            Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, ETag(response));
            replicas.Add(deployment.ReplicaAt(Header(response, "X-Upstream")));
        }

        // Round-robin reached every container, and nginx named each by its address on the network.
        Assert.Equal(Enumerable.Range(0, deployment.Replicas.Count), replicas.Order());
    }

    [RequiresContainersFact]
    [KillsAContainer]
    public async Task KillingAReplicaContainerUnderLoadFailsNoRequest()
    {
        // The load runs until enough requests have started after the kill returned: podman's kill has
        // taken from 0.1 to 1.1 s here, so a fixed request count could end before the kill is done.
        const int MaxRequests = 20_000;
        const int Workers = 4;
        const int KillAfter = 100;
        const int WantedAfterKill = 200;
        string[] urls =
        [
            "/api/v1/causes",
            "/api/v1/causes/dehydration",
            "/api/v1/treatments?cause=dehydration",
            "/api/v1/red-flags?sort=name",
            "/api/v1/search?q=why%20do%20my%20legs%20cramp%20at%20night",
            "/api/v1/sources",
        ];
        var victim = deployment.Replicas[1];
        var outcomes = new ConcurrentBag<(int Index, TimeSpan Started, int Status, string? Upstream, string? Error)>();
        var next = -1;
        var completed = 0;
        var startedAfterKill = 0;
        var clock = Stopwatch.StartNew();
        var killStarted = TimeSpan.MaxValue;
        long killedAtTicks = long.MaxValue;

        async Task KillWhenDueAsync()
        {
            while (Volatile.Read(ref completed) < KillAfter)
            {
                await Task.Delay(1);
            }

            killStarted = clock.Elapsed;
            await ContainerDeployment.KillAsync(victim);
            Volatile.Write(ref killedAtTicks, clock.Elapsed.Ticks);
        }

        async Task WorkAsync()
        {
            for (var i = Interlocked.Increment(ref next);
                 i < MaxRequests && Volatile.Read(ref startedAfterKill) < WantedAfterKill;
                 i = Interlocked.Increment(ref next))
            {
                var started = clock.Elapsed;
                if (started.Ticks > Volatile.Read(ref killedAtTicks))
                {
                    Interlocked.Increment(ref startedAfterKill);
                }

                try
                {
                    // Past the proxy cache, so every request reaches a replica.
                    using var response = await SendAsync(deployment.Proxy, Get(urls[i % urls.Length], bypassCache: true));
                    await response.Content.ReadAsByteArrayAsync();
                    outcomes.Add((i, started, (int)response.StatusCode, Header(response, "X-Upstream"), null));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    outcomes.Add((i, started, 0, null, e.Message));
                }

                Interlocked.Increment(ref completed);
            }
        }

        var killer = KillWhenDueAsync();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync)));
        await killer.WaitAsync(TimeSpan.FromSeconds(30));
        var duration = clock.Elapsed;
        var killedAt = TimeSpan.FromTicks(killedAtTicks);

        var all = outcomes.OrderBy(o => o.Index).ToList();
        var failures = all.Where(o => o.Status != 200).ToList();
        var afterKill = all.Where(o => o.Started > killedAt).ToList();
        var retried = all.Count(o => o.Upstream?.Contains(',', StringComparison.Ordinal) == true);
        var victimAddress = $"{victim.IpAddress}:{ContainerDeployment.ApiPort}";
        output.WriteLine($"{all.Count} requests by {Workers} workers in {duration.TotalMilliseconds:F0} ms; {victim.Name} ({victimAddress}) kill sent at {killStarted.TotalMilliseconds:F0} ms, done at "
            + $"{killedAt.TotalMilliseconds:F0} ms; {failures.Count} failed; {retried} retried on another replica; {afterKill.Count} started after the kill.");

        Assert.False(await ContainerDeployment.IsRunningAsync(victim), $"{victim.Name} still runs after SIGKILL");
        Assert.Equal(Volatile.Read(ref completed), all.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} failed: "
            + string.Join("; ", failures.Take(5).Select(f => $"#{f.Index} at {f.Started.TotalMilliseconds:F0} ms: {f.Status} {f.Error}")));
        Assert.True(afterKill.Count >= WantedAfterKill, $"only {afterKill.Count} requests started after the kill (ceiling {MaxRequests} requests)");
        // Once nginx has seen it die, the dead replica serves nothing: the last hop of every answer is another one.
        Assert.DoesNotContain(afterKill, o => o.Upstream?.Split(", ")[^1] == victimAddress);
    }

    [GeneratedRegex(@"\b(?<name>DOTNET_[A-Za-z0-9_]+|MALLOC_[A-Z_]+)=(?<value>[^\s\\]+)")]
    private static partial Regex RuntimeSetting();
}
