using System.Threading.Channels;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Writes request log lines to standard output as JSON, in the console logger's JSON shape, from a
/// background task in batches. Measured on a cached read: the console logger's JSON line costs the
/// server about 35 µs of CPU per request (80 µs against 45 µs with no request log); this a few µs,
/// because a request only enqueues, and lines are formatted (<see cref="RequestLogLine"/>) and written together.
/// Batches stay under PIPE_BUF (4 KB), so each write reaches a pipe whole, never interleaved with
/// another logger's line. Kept rather than <c>ILogger</c> (<c>Http:RequestLog=logger</c>; issue 16,
/// bench/run.sh of 2026-12-05, docs/benchmarks.md): through the console logger the cached filter and
/// detail fell to 0.62/0.63× the Kestrel reference (target 0.9×), the uncached list to 0.49× (0.5×),
/// and the list's p99 rose to 8.2 ms; with this writer 1.03/0.81/0.76× and 2.4 ms.
/// </summary>
internal sealed class RequestLogWriter : BackgroundService
{
    private const int PipeAtomicBytes = 4096;
    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(50);
    private readonly Channel<RequestLogEntry> _entries = Channel.CreateBounded<RequestLogEntry>(
        new BoundedChannelOptions(65_536) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly Stream _output;
    private long _dropped;

    public RequestLogWriter()
        : this(Console.OpenStandardOutput())
    {
    }

    internal RequestLogWriter(Stream output) => _output = output;

    /// <summary>Lines not written because the writer fell 65,536 lines behind; a request never waits for logging.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Write(in RequestLogEntry entry)
    {
        if (!_entries.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // Requests have finished by now (the server stops first); write what is queued, then end.
        _entries.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lines = new RequestLogLine();
        var batch = new byte[PipeAtomicBytes];
        while (await _entries.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (WriteOneBatch(lines, batch))
            {
                // Under load 50 ms hold a thousand lines or more: formatting and writing 1,250 of them
                // in one go takes 0.9-1.2 ms, and every request queued behind that burst waits for it
                // (p99 was lower with the log off in 6 of 6 paired runs). One batch per turn, with the
                // queued requests running in between, spreads the same work out.
                await Task.Yield();
            }

            _output.Flush();

            // Let lines gather: waking for every request would cost a thread-pool hop and a write each.
            await Task.Delay(BatchInterval, CancellationToken.None);
        }
    }

    /// <summary>Formats queued lines into <paramref name="batch"/> until it is full, and writes it; false when nothing was queued.</summary>
    private bool WriteOneBatch(RequestLogLine lines, byte[] batch)
    {
        var used = 0;
        while (used + RequestLogLine.PlainLineMaxBytes <= batch.Length && _entries.Reader.TryRead(out var entry))
        {
            var line = lines.Format(entry);
            if (used + line.Length > batch.Length)
            {
                // Only a line with a very long path gets here: the batch so far, then the line alone.
                if (used > 0)
                {
                    _output.Write(batch, 0, used);
                    used = 0;
                }

                if (line.Length > batch.Length)
                {
                    _output.Write(line);
                    continue;
                }
            }

            line.CopyTo(batch.AsSpan(used));
            used += line.Length;
        }

        if (used > 0)
        {
            _output.Write(batch, 0, used);
        }

        return used > 0 || _entries.Reader.Count > 0;
    }
}
