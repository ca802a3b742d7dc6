using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace CrampKnowledge.Api.Mcp;

/// <summary>
/// Sends the answer to an MCP POST in one write, with a Content-Length. The SDK streams each answer as server-sent events
/// and flushes the headers, then the event, then the end of the chunked body: three sends for what our tools answer at
/// once. Holding the body until the handler returns makes that one send, as for every other answer of the API.
/// Written here because ASP.NET Core has no response buffering for endpoints outside MVC and the MCP tool-call row of
/// bench/run.sh missed its p99 target (13.5 ms at 4,713 calls/s against 5 ms; docs/benchmarks.md, session of
/// 2026-12-07) with send calls a quarter of the server's CPU. An answer that outgrows the buffer streams from there on,
/// so nothing long-running is held back for long.
/// </summary>
internal sealed class AgentResponseBuffering(RequestDelegate next)
{
    internal const int MaxHeldBytes = 256 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var held = new HoldingStream(original.Stream, MaxHeldBytes);
        var holding = new StreamResponseBodyFeature(held, original);
        context.Features.Set<IHttpResponseBodyFeature>(holding);
        try
        {
            await next(context);
            // Whatever was written through the feature's PipeWriter reaches the held stream.
            await holding.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        // Only a handler that returned normally gets its answer sent; after an exception the error handler writes instead.
        if (!held.Streaming && held.HeldBytes > 0 && !context.Response.HasStarted)
        {
            context.Response.ContentLength = held.HeldBytes;
        }

        await held.SendAsync(context.RequestAborted);
    }

    /// <summary>Keeps what is written in pooled memory until <see cref="SendAsync"/>, unless it outgrows the limit.</summary>
    private sealed class HoldingStream(Stream inner, int limit) : Stream
    {
        private byte[]? _buffer;
        private int _length;

        public int HeldBytes => _length;

        /// <summary>The answer outgrew the limit and is being passed through as it is written.</summary>
        public bool Streaming { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!Streaming && _length + buffer.Length <= limit)
            {
                Hold(buffer.Span);
                return;
            }

            if (!Streaming)
            {
                Streaming = true;
                await SendAsync(cancellationToken);
            }

            await inner.WriteAsync(buffer, cancellationToken);
        }

        // The SDK flushes after the headers and after each event; held bytes go out together at the end instead.
        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            Streaming ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        /// <summary>Writes what is held to the response and gives the memory back.</summary>
        public async Task SendAsync(CancellationToken cancellationToken)
        {
            if (_buffer is null)
            {
                return;
            }

            var buffer = _buffer;
            _buffer = null;
            try
            {
                await inner.WriteAsync(buffer.AsMemory(0, _length), cancellationToken);
            }
            finally
            {
                _length = 0;
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private void Hold(ReadOnlySpan<byte> bytes)
        {
            if (_buffer is null || _length + bytes.Length > _buffer.Length)
            {
                var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_length + bytes.Length, Math.Max(16 * 1024, (_buffer?.Length ?? 0) * 2)));
                if (_buffer is not null)
                {
                    _buffer.AsSpan(0, _length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(_buffer);
                }

                _buffer = grown;
            }

            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (_buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = null;
            }

            base.Dispose(disposing);
        }
    }
}
