using System.Buffers;
using System.Reflection;
using CrampKnowledge.Api.Contracts;
using Microsoft.AspNetCore.Http.Metadata;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// A 200 list page written from each row's bytes, serialized once per record, inside the page's own
/// envelope (<see cref="SerializedResponses.Page"/>); the metadata is what <c>Ok&lt;PagedResponse&lt;RecordSummary&gt;&gt;</c> gives.
/// </summary>
public sealed class SerializedRecordPage : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    private readonly ReadOnlyMemory<byte> _opening;
    private readonly IReadOnlyList<ReadOnlyMemory<byte>> _rows;
    private readonly ReadOnlyMemory<byte> _closing;

    internal SerializedRecordPage(ReadOnlyMemory<byte> opening, IReadOnlyList<ReadOnlyMemory<byte>> rows, ReadOnlyMemory<byte> closing) =>
        (_opening, _rows, _closing) = (opening, rows, closing);

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        // Known up front, so the body goes out in one piece rather than chunked (compression drops it when it applies).
        var length = _opening.Length + _closing.Length + Math.Max(0, _rows.Count - 1);
        for (var i = 0; i < _rows.Count; i++)
        {
            length += _rows[i].Length;
        }

        httpContext.Response.ContentLength = length;
        var body = httpContext.Response.BodyWriter;
        body.Write(_opening.Span);
        for (var i = 0; i < _rows.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(_rows[i].Span);
        }

        body.Write(_closing.Span);
        await body.FlushAsync(httpContext.RequestAborted);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(PagedResponse<RecordSummary>), ["application/json"]));
}
