using System.Text;
using CrampKnowledge.Api.Data.Queries;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// A 200 with the JSON-LD document, written in one piece with its Content-Length. <c>TypedResults.Text</c> writes
/// the same bytes, but encodes and writes them a piece at a time, and Brotli then sent 13,971 bytes instead of 10,613.
/// </summary>
public sealed class JsonLdContent(string document) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var body = Encoding.UTF8.GetBytes(document);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"{ConditionMarkup.MediaType}; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
