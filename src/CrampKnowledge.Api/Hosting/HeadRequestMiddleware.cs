namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Answers HEAD like GET (minimal APIs map GET only), so caches and monitors can check a resource and
/// its ETag cheaply. Kestrel never sends a body for HEAD; the stream is swapped for servers that would.
/// </summary>
internal sealed class HeadRequestMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        HttpMethods.IsHead(context.Request.Method) ? InvokeAsGetAsync(context) : next(context);

    private async Task InvokeAsGetAsync(HttpContext context)
    {
        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }
}
