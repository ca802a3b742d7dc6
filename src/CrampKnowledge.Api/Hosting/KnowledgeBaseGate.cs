namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Holds each request until the knowledge base has loaded, so that Kestrel can start listening while it loads rather
/// than after: its start then overlaps the load instead of following it. A request that comes early waits; none is
/// answered from a database still being built or a snapshot not yet made. If the load fails, the process is about to
/// exit with the load's message, and a waiting request gets 503. Nothing the pipeline builds at start may need the
/// knowledge base (ConditionalGetMiddleware resolves it on its first request).
/// </summary>
internal static class KnowledgeBaseGate
{
    public static WebApplication UseKnowledgeBaseGate(this WebApplication app, Task knowledgeBase)
    {
        app.Use(async (context, next) =>
        {
            if (!knowledgeBase.IsCompletedSuccessfully)
            {
                try
                {
                    await knowledgeBase.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (knowledgeBase.IsFaulted)
                {
                    // The same ProblemDetails every other error gets; the load's message goes to the console, not here.
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails =
                        {
                            Status = StatusCodes.Status503ServiceUnavailable,
                            Title = "The knowledge base could not be loaded; the server is stopping.",
                        },
                    });
                    return;
                }
            }

            await next(context);
        });
        return app;
    }
}
