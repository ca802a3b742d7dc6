using System.IO.Pipelines;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Reads a request body in full before the endpoint runs. When the server starts shutting down,
/// Kestrel cancels pending reads on every connection to stop waiting for new requests, and that also
/// cancels a body still arriving; System.Text.Json then throws. Reading here, a canceled read is
/// simply read again, so a request in flight at SIGTERM is answered instead of failing with a 500.
/// </summary>
internal sealed class RequestBodyBufferingMiddleware(RequestDelegate next, IProblemDetailsService problems, IOptions<HttpBehaviourOptions> options)
{
    // An HTTP/1 body with a Content-Length stays in Kestrel's connection buffer (1 MB by default) until
    // the endpoint reads it, so a small one needs no copy. Chunked bodies pass through a pipe that stops
    // filling while unread data waits, and HTTP/2 flow control waits for data to be consumed: those are copied.
    private const long InPlaceBodyBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Most requests are GETs without a body: they pass through without an async state machine.
        if (request.ContentLength is null or 0 && !HttpMethods.IsPost(request.Method))
        {
            return next(context);
        }

        return BufferAsync(context);
    }

    private async Task BufferAsync(HttpContext context)
    {
        var request = context.Request;
        // An announced body over the limit is refused before anything runs, whatever the method: a GET
        // with a huge body would otherwise get its answer cut off when Kestrel gives up draining the body.
        if (request.ContentLength > options.Value.MaxRequestBodyBytes)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"Request bodies may be at most {options.Value.MaxRequestBodyBytes} bytes; this one announces {request.ContentLength}.");
            return;
        }

        if (!HttpMethods.IsPost(request.Method) || request.ContentLength == 0)
        {
            await next(context);
            return;
        }

        // JSON is UTF-8 (RFC 8259). The framework rejects a quoted "utf-8" and unknown charsets with an
        // exception that would become a 500; answer 415 for other charsets and accept UTF-8 in any spelling.
        if (request.ContentType is not "application/json"
            && MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && contentType.Charset.HasValue)
        {
            var charset = contentType.Charset.Value.Trim('"', ' ');
            if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                await WriteProblemAsync(context, StatusCodes.Status415UnsupportedMediaType,
                    $"Send the request body as application/json (UTF-8); the charset '{charset}' is not accepted.");
                return;
            }

            contentType.Charset = null;
            request.ContentType = contentType.ToString();
        }

        if (request.ContentLength <= InPlaceBodyBytes && (HttpProtocol.IsHttp11(request.Protocol) || HttpProtocol.IsHttp10(request.Protocol)))
        {
            await ReadWholeBodyAsync(request.BodyReader, copy: null, context.RequestAborted);
            await next(context);
            return;
        }

        var buffered = new MemoryStream(request.ContentLength is { } announced ? (int)announced : 1024);
        await ReadWholeBodyAsync(request.BodyReader, buffered, context.RequestAborted);
        buffered.Position = 0;
        request.Body = buffered;
        await next(context);
    }

    /// <summary>
    /// Reads until the whole body has arrived, into <paramref name="copy"/>, or without a copy consuming
    /// nothing: the server then keeps the bytes and hands the endpoint all of them in its first read.
    /// </summary>
    private static async Task ReadWholeBodyAsync(PipeReader reader, MemoryStream? copy, CancellationToken aborted)
    {
        while (true)
        {
            // Kestrel enforces MaxRequestBodySize here (BadHttpRequestException 413, shaped by ProblemHandling).
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(aborted);
            }
            catch (IOException e) when (e is not BadHttpRequestException)
            {
                // Kestrel reports most malformed chunk sizes as a 400 BadHttpRequestException, but one that overflows
                // (FFFFFFFFFFFFFFFFFF) as a plain IOException, which would be a 500. It is the same client error.
                throw new BadHttpRequestException("Bad chunk size data.", StatusCodes.Status400BadRequest, e);
            }

            if (copy is null)
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            }
            else
            {
                foreach (var segment in result.Buffer)
                {
                    copy.Write(segment.Span);
                }

                reader.AdvanceTo(result.Buffer.End);
            }

            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            // The title is the status's one, whichever layer refuses a body (ProblemHandling).
            ProblemDetails = { Status = status, Detail = detail },
        }).AsTask();
    }
}
