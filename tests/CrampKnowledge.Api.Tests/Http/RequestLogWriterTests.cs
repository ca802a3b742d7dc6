using System.Text;
using System.Text.Json;
using CrampKnowledge.Api.Hosting;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>
/// The request log's background writer: every line arrives whole and in order, and no single write is
/// larger than a pipe writes atomically (4 KB), even for a backlog or a path longer than a batch.
/// </summary>
public sealed class RequestLogWriterTests
{
    [Fact]
    public async Task ABacklogIsWrittenInOrderInPipeAtomicWrites()
    {
        var output = new RecordingStream();
        var writer = new RequestLogWriter(output);
        var paths = Enumerable.Range(0, 3_000)
            .Select(i => i % 500 == 7 ? "/api/v1/search/" + new string('x', 5_000) + i : $"/api/v1/causes/{i}")
            .ToList();
        foreach (var path in paths)
        {
            writer.Write(new RequestLogEntry(DateTime.UtcNow, "GET", path, 200, 0.25));
        }

        // ExecuteAsync starts on the thread pool, and a stop before it has started would cancel it.
        await writer.StartAsync(CancellationToken.None);
        for (var waited = 0; output.Lines < paths.Count && waited < 10_000; waited += 10)
        {
            await Task.Delay(10);
        }

        await writer.StopAsync(CancellationToken.None);
        await writer.ExecuteTask!;

        var lines = Encoding.UTF8.GetString(output.Written.SelectMany(w => w).ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(paths, lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("State").GetProperty("Path").GetString()));

        // The long paths are written alone; everything else in batches of at most 4 KB that end on a line.
        var longLines = output.Written.Count(w => w.Length > 4096);
        Assert.Equal(paths.Count(p => p.Length > 5_000), longLines);
        Assert.All(output.Written.Where(w => w.Length <= 4096), w => Assert.Equal((byte)'\n', w[^1]));
        Assert.InRange(output.Written.Count, 3_000 / 20, 3_000 / 5);
        Assert.DoesNotContain(output.Written, w => w.Length == 0);
        Assert.Equal(0, writer.Dropped);
    }

    private sealed class RecordingStream : MemoryStream
    {
        private int _lines;

        public List<byte[]> Written { get; } = [];

        public int Lines => Volatile.Read(ref _lines);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Written.Add(buffer.ToArray());
            Interlocked.Add(ref _lines, buffer.Count((byte)'\n'));
        }
    }
}
