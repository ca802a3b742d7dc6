using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Hosting;

/// <summary>Rejects over-long query strings with a 414 ProblemDetails before any binding or search runs.</summary>
internal sealed class QueryLengthLimitMiddleware(RequestDelegate next, IOptions<HttpBehaviourOptions> options, IProblemDetailsService problems)
{
    public Task InvokeAsync(HttpContext context) =>
        // Not async on the way through: an async method costs every request a state machine.
        context.Request.QueryString.Value?.Length > options.Value.MaxQueryLength ? RejectAsync(context) : next(context);

    private async Task RejectAsync(HttpContext context)
    {
        var limit = options.Value.MaxQueryLength;
        context.Response.StatusCode = StatusCodes.Status414UriTooLong;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status414UriTooLong,
                Title = "The query string is too long.",
                Detail = $"Query strings may be at most {limit} characters; this one has {context.Request.QueryString.Value!.Length}.",
            },
        });
    }
}
