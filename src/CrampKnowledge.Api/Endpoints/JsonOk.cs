using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>Creates <see cref="JsonOk{T}"/> with its type inferred, as <c>TypedResults.Ok</c> does for <c>Ok&lt;T&gt;</c>.</summary>
public static class JsonOk
{
    public static JsonOk<T> Of<T>(T value) => new(value);

    /// <summary>Writes a 200 with <paramref name="body"/>, JSON already serialized, in one piece with its Content-Length.</summary>
    internal static Task WriteAsync(HttpContext httpContext, byte[] body)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        // Compression drops the length when it applies, and then compresses the body in one go.
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}

/// <summary>
/// A 200 with the bytes and OpenAPI metadata of <c>Ok&lt;T&gt;</c> (System.Text.Json, the app's options, the generated
/// contract metadata first), but serialized into one buffer before it is written, so the answer goes out in one piece
/// with a Content-Length. Streamed, as <c>Ok&lt;T&gt;</c> writes it, the answer went out chunked and the compressor
/// flushed along the way: the Brotli graph grew from 13,552 to 21,975 bytes (measured on branch issue16/stj).
/// </summary>
public sealed class JsonOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    internal JsonOk(T value) => Value = value;

    public T Value { get; }

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return JsonOk.WriteAsync(httpContext, JsonSerializer.SerializeToUtf8Bytes(Value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))));
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>
/// A 200 with JSON serialized ahead, once (<see cref="GraphJson"/>): the bytes, headers and OpenAPI metadata of
/// <see cref="JsonOk{T}"/> for a <typeparamref name="T"/>, without serializing it per request.
/// </summary>
public sealed class SerializedJsonOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private readonly byte[] _body;

    internal SerializedJsonOk(byte[] body) => _body = body;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext) => JsonOk.WriteAsync(httpContext, _body);

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
