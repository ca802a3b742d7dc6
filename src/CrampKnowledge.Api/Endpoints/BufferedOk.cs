using System.Buffers;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>Writes a response body of <typeparamref name="T"/> as UTF-8 JSON, byte for byte what the serializer would write.</summary>
internal interface IResponseBodyWriter<in T>
{
    void Write(T value, IBufferWriter<byte> output);
}

/// <summary>
/// A 200 with the same bytes and OpenAPI metadata as <c>Ok&lt;T&gt;</c>, but written into a pooled
/// buffer first, so the answer goes out in one piece with a Content-Length instead of being
/// streamed and chunked.
/// </summary>
public sealed class BufferedOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>
{
    // Typical answers are 4-12 KB; a larger one grows the buffer.
    private const int InitialBufferBytes = 16 * 1024;

    private readonly IResponseBodyWriter<T> _writer;

    internal BufferedOk(T value, IResponseBodyWriter<T> writer)
    {
        Value = value;
        _writer = writer;
    }

    public T Value { get; }

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var body = new PooledBufferWriter(InitialBufferBytes);
        _writer.Write(Value, body);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        // Compression drops the length when it applies, as for SerializedOk.
        response.ContentLength = body.WrittenMemory.Length;
        await response.Body.WriteAsync(body.WrittenMemory, httpContext.RequestAborted);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
