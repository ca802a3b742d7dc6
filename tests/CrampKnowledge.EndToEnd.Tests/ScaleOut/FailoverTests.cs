using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;
using static CrampKnowledge.EndToEnd.Tests.ScaleOut.ProxyRequests;

namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// A load run through nginx during which one replica is killed outright. nginx retries whatever the
/// dead replica cannot answer (a refused connection, or a reset while it was answering a GET) on
/// another replica and then leaves it out, so no client sees a failure. The numbers go to the test output.
/// </summary>
[Collection(ScaleOutGroup.Name)]
public sealed class FailoverTests(FailoverCluster cluster, ITestOutputHelper output) : IClassFixture<FailoverCluster>
{
    private const int Requests = 600;
    private const int Workers = 6;
    private const int KillAfter = 150;
    private const int Victim = 1;

    // Lists, details and searches; every request bypasses the proxy cache, so every one reaches a replica.
    private static readonly string[] Urls =
    [
        "/api/v1/causes",
        "/api/v1/causes?category=medication&sort=-sourceCount",
        "/api/v1/causes/dehydration",
        "/api/v1/causes/dehydration/treatments",
        "/api/v1/treatments?cause=dehydration",
        "/api/v1/treatments/stretch-the-muscle",
        "/api/v1/preventions/stay-hydrated",
        "/api/v1/red-flags?sort=name",
        "/api/v1/search?q=why%20do%20my%20legs%20cramp%20at%20night",
        "/api/v1/search?q=water%20pills",
        "/api/v1/sources",
        "/api/v1/categories",
    ];

    [RequiresToolsFact(ExternalTools.Nginx)]
    public async Task KillingAReplicaUnderLoadFailsNoRequest()
    {
        var victim = cluster.Replicas[Victim];
        var victimAddress = $"{victim.BaseAddress.Host}:{victim.BaseAddress.Port}";
        var outcomes = new ConcurrentBag<LoadOutcome>();
        var next = -1;
        var completed = 0;
        var clock = Stopwatch.StartNew();
        var killStarted = TimeSpan.MaxValue;
        var killedAt = TimeSpan.MaxValue;

        async Task KillWhenDueAsync()
        {
            while (Volatile.Read(ref completed) < KillAfter)
            {
                await Task.Delay(1);
            }

            killStarted = clock.Elapsed;
            await victim.KillAsync();
            killedAt = clock.Elapsed;
        }

        async Task WorkAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < Requests; i = Interlocked.Increment(ref next))
            {
                var started = clock.Elapsed;
                try
                {
                    using var response = await SendAsync(cluster.Proxy, Get(Urls[i % Urls.Length], bypassCache: true));
                    await response.Content.ReadAsByteArrayAsync();
                    outcomes.Add(new LoadOutcome(i, started, clock.Elapsed, (int)response.StatusCode, Header(response, "X-Upstream"), null));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    outcomes.Add(new LoadOutcome(i, started, clock.Elapsed, 0, null, e.Message));
                }

                Interlocked.Increment(ref completed);
            }
        }

        var killer = KillWhenDueAsync();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync)));
        await killer.WaitAsync(TimeSpan.FromSeconds(10));
        var duration = clock.Elapsed;

        var all = outcomes.OrderBy(o => o.Index).ToList();
        var failures = all.Where(o => o.Status != 200).ToList();
        var final = all.Where(o => o.Status == 200).Select(o => (Outcome: o, Replica: cluster.ReplicaAt(FinalOf(o.Upstream)))).ToList();
        // Requests sent once the process was gone; those in flight at the kill count among the 600 too.
        var afterKill = final.Where(f => f.Outcome.Started > killedAt).ToList();
        var retried = all.Count(o => o.Upstream?.Contains(',', StringComparison.Ordinal) == true);
        output.WriteLine($"{all.Count} requests by {Workers} workers in {duration.TotalMilliseconds:F0} ms; replica {victimAddress} killed (SIGKILL) at "
            + $"{killStarted.TotalMilliseconds:F0} ms, after {KillAfter} had completed, gone at {killedAt.TotalMilliseconds:F0} ms; {failures.Count} failed; {retried} retried on another replica; "
            + $"{afterKill.Count} started after the kill; served per replica: "
            + string.Join(", ", final.GroupBy(f => f.Replica).OrderBy(g => g.Key).Select(g => $"#{g.Key}={g.Count()}")));

        Assert.Equal(Requests, all.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} failed: "
            + string.Join("; ", failures.Take(5).Select(f => $"#{f.Index} at {f.Started.TotalMilliseconds:F0} ms: {f.Status} {f.Error}"))
            + $"\nnginx errors:\n{cluster.Nginx.ErrorLog}");
        Assert.Equal(cluster.Replicas.Count, final.Where(f => f.Outcome.Finished < killStarted).Select(f => f.Replica).Distinct().Count());
        Assert.True(afterKill.Count >= 100, $"only {afterKill.Count} requests ran after the kill");
        Assert.DoesNotContain(afterKill, f => f.Replica == Victim);
        Assert.Equal(2, afterKill.Select(f => f.Replica).Distinct().Count());
        // nginx did meet the dead replica, and recovered by asking another one.
        Assert.True(retried > 0, "no request was retried, so the failover path never ran");
    }

    private static string? FinalOf(string? upstreams) =>
        upstreams?.Split([", ", " : "], StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
}
