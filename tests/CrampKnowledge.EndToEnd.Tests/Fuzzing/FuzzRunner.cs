using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>Sends every case (a few at a time against the one process) and collects all failures, not just the first.</summary>
public static class FuzzRunner
{
    public static async Task<FuzzReport> RunAsync(RawHttpClient client, ResponseChecker checker, IReadOnlyList<FuzzCase> cases, int baseSeed, int concurrency)
    {
        var failures = new ConcurrentBag<FuzzFailure>();
        var rejections = new ConcurrentBag<(FuzzCase, RawResponse)>();
        var statuses = new ConcurrentDictionary<int, int>();
        var timings = new ConcurrentBag<(FuzzCase Case, TimeSpan Elapsed)>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (fuzzCase, ct) =>
        {
            RawResponse response;
            var started = Stopwatch.GetTimestamp();
            try
            {
                response = await client.SendAsync(fuzzCase.Request, ct);
                timings.Add((fuzzCase, Stopwatch.GetElapsedTime(started)));
            }
            catch (Exception e) when (e is IOException or SocketException or FormatException or OperationCanceledException)
            {
                failures.Add(new FuzzFailure(fuzzCase, null, [$"no HTTP answer: {e.GetType().Name}: {e.Message}"]));
                return;
            }

            statuses.AddOrUpdate(response.Status, 1, (_, count) => count + 1);
            if (response.IsBareServerRejection && WireTarget.IsMalformedRequestLine(fuzzCase.Request))
            {
                rejections.Add((fuzzCase, response));
                return;
            }

            var violations = checker.Check(fuzzCase, response);
            if (violations.Count > 0)
            {
                failures.Add(new FuzzFailure(fuzzCase, response, violations));
            }
        });

        static (string, FuzzFamily, int) Order(FuzzCase c) => (c.Operation.OperationId, c.Family, c.Number);
        return new FuzzReport(
            client.Host,
            baseSeed,
            cases.Select(c => c.Operation).Distinct().Count(),
            cases.Count,
            cases.Count(c => c.Expected is not null || c.Oracle is not null),
            clock.Elapsed,
            statuses.ToDictionary(),
            failures.OrderBy(f => Order(f.Case)).ToList(),
            rejections.OrderBy(r => Order(r.Item1)).ToList(),
            timings.OrderByDescending(t => t.Elapsed).Take(5).ToList());
    }
}
