using System.Reflection;
using CrampKnowledge.Api.Contracts;
using Microsoft.AspNetCore.Http.Metadata;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// The 200 of a red-flag check: the same bytes and OpenAPI metadata as <c>Ok&lt;RedFlagCheckResponse&gt;</c>,
/// but written into a pooled buffer first, so the answer goes out in one piece with a Content-Length
/// instead of being streamed and chunked.
/// </summary>
public sealed class RedFlagCheckOk : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<RedFlagCheckResponse>
{
    // The usual answer is about 4 KB; a long description matching every red flag grows the buffer.
    private const int InitialBufferBytes = 16 * 1024;

    private readonly RedFlagCheckResponseWriter _writer;

    internal RedFlagCheckOk(RedFlagCheckResponse value, RedFlagCheckResponseWriter writer)
    {
        Value = value;
        _writer = writer;
    }

    public RedFlagCheckResponse Value { get; }

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
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(RedFlagCheckResponse), ["application/json"]));
}
