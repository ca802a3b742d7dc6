using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// A 200 whose JSON body was serialized once (<see cref="SerializedResponses"/>): the bytes and the
/// OpenAPI metadata <c>Ok&lt;T&gt;</c> gives, without serializing immutable content on every request.
/// </summary>
public sealed class SerializedOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private readonly ReadOnlyMemory<byte> _body;

    internal SerializedOk(ReadOnlyMemory<byte> body) => _body = body;

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        // Known up front, so the body goes out in one piece rather than chunked (compression drops it when it applies).
        httpContext.Response.ContentLength = _body.Length;
        return httpContext.Response.Body.WriteAsync(_body, httpContext.RequestAborted).AsTask();
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
