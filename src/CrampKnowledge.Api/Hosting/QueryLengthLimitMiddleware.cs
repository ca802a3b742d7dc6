using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Hosting;

/// <summary>Rejects over-long query strings with a 414 ProblemDetails before any binding or search runs.</summary>
internal sealed class QueryLengthLimitMiddleware(RequestDelegate next, IOptions<HttpBehaviourOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxQueryLength;
        if (context.Request.QueryString.Value?.Length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status414UriTooLong;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status414UriTooLong,
                    Title = "The query string is too long.",
                    Detail = $"Query strings may be at most {limit} characters; this one has {context.Request.QueryString.Value.Length}.",
                },
            });
            return;
        }

        await next(context);
    }
}
