namespace CrampKnowledge.Api.Hosting.ResponseCache;

/// <summary>
/// Passes the response body through to the client and keeps a copy of it, up to a limit; beyond the
/// limit it stops copying and the answer is simply not cached.
/// </summary>
internal sealed class BodyCaptureStream(Stream inner, int limit) : Stream
{
    private byte[] _buffer = new byte[Math.Min(limit, 16 * 1024)];
    private int _length;

    public bool Overflowed { get; private set; }

    /// <summary>Bytes kept so far.</summary>
    public int CapturedBytes => _length;

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (Overflowed)
        {
            return;
        }

        if (_length + bytes.Length > limit)
        {
            Overflowed = true;
            _buffer = [];
            return;
        }

        if (_length + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(limit, Math.Max(_buffer.Length * 2, _length + bytes.Length)));
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}
