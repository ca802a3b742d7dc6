using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.ReadModel;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// The /graph answers, serialized the first time each is asked for and then kept: the content never changes while the
/// process runs. Serialized per request (<see cref="JsonOk{T}"/>), the 8.1 MB graph at 100x content left its growing
/// buffers in the shared array pool and a copy on the large-object heap, about 33 MB more resident after one request;
/// kept, it holds its 8.1 MB, and no graph objects stay alive (the snapshot built both graphs at start-up, 10 MB).
/// </summary>
internal sealed class GraphJson
{
    private readonly Lazy<byte[]> _withoutCitations;
    private readonly Lazy<byte[]> _withCitations;

    public GraphJson(KnowledgeSnapshot snapshot, IOptions<JsonOptions> json)
    {
        JsonTypeInfo<KnowledgeGraph> TypeInfo() => (JsonTypeInfo<KnowledgeGraph>)json.Value.SerializerOptions.GetTypeInfo(typeof(KnowledgeGraph));
        _withoutCitations = new(() => Serialize(snapshot.Graph(withCitations: false), TypeInfo()));
        _withCitations = new(() => Serialize(snapshot.Graph(withCitations: true), TypeInfo()));
    }

    /// <summary>The graph's JSON, with every node's and edge's citations or without them; the same array every time.</summary>
    public byte[] Body(bool withCitations) => (withCitations ? _withCitations : _withoutCitations).Value;

    /// <summary>
    /// The bytes <c>JsonSerializer.SerializeToUtf8Bytes</c> gives, in an array of exactly their length. Written to a stream the
    /// serializer hands them over about 16 KB at a time, so it runs twice, to count them and then to fill the array, and no
    /// buffer as large as the answer is rented or grown.
    /// </summary>
    internal static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var counter = new ByteCounter();
        JsonSerializer.Serialize(counter, value, typeInfo);
        var body = GC.AllocateUninitializedArray<byte>(checked((int)counter.Written));
        // Not expandable: a second run longer than the first throws, and a shorter one is caught below.
        using var filler = new MemoryStream(body, writable: true);
        JsonSerializer.Serialize(filler, value, typeInfo);
        return filler.Position == body.Length
            ? body
            : throw new InvalidOperationException($"The second serialization wrote {filler.Position} bytes, the first {body.Length}.");
    }

    /// <summary>A stream that keeps nothing and counts what is written to it.</summary>
    private sealed class ByteCounter : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
