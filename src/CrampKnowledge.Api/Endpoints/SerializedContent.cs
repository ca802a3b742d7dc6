namespace CrampKnowledge.Api.Endpoints;

/// <summary>A 200 with a body already encoded, e.g. the JSON-LD document for one base URL.</summary>
public sealed class SerializedContent(ReadOnlyMemory<byte> body, string contentType) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = contentType;
        return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
