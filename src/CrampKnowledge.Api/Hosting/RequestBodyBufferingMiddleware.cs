namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Reads a request body in full before the endpoint runs. When the server starts shutting down,
/// Kestrel cancels pending reads on every connection to stop waiting for new requests, and that also
/// cancels a body still arriving; System.Text.Json then throws. Reading here, a canceled read is
/// simply read again, so a request in flight at SIGTERM is answered instead of failing with a 500.
/// </summary>
internal sealed class RequestBodyBufferingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength == 0)
        {
            await next(context);
            return;
        }

        var buffered = new MemoryStream();
        var reader = request.BodyReader;
        while (true)
        {
            // Kestrel enforces MaxRequestBodySize here (BadHttpRequestException 413, shaped by ProblemHandling).
            var result = await reader.ReadAsync(context.RequestAborted);
            foreach (var segment in result.Buffer)
            {
                buffered.Write(segment.Span);
            }

            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        buffered.Position = 0;
        request.Body = buffered;
        await next(context);
    }
}
