using System.Diagnostics;
using System.Net;

namespace CrampKnowledge.EndToEnd.Tests.Reliability;

/// <summary>
/// A closed-loop HTTP load generator: <c>connections</c> workers, each with its own keep-alive
/// connection, send a fixed number of requests in all, cycling through a fixed list of URLs.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(Uri baseAddress, IReadOnlyList<string> urls, int connections, int requests)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new double[requests];
        var errors = 0;
        var samples = new List<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();

        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var url = urls[index % urls.Count];
                var started = Stopwatch.GetTimestamp();
                string? failure = null;
                try
                {
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        failure = $"{(int)response.StatusCode} {url}";
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failure = $"{e.GetType().Name} {url}: {e.Message}";
                }

                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (failure is not null)
                {
                    Interlocked.Increment(ref errors);
                    lock (samples)
                    {
                        if (samples.Count < 10)
                        {
                            samples.Add(failure);
                        }
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        clock.Stop();

        Array.Sort(latencies);
        return new LoadResult(requests, errors, clock.Elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), samples);
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
