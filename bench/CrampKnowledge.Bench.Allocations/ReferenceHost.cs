using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// The in-process twin of bench/Reference: no middleware, no logging, precomputed bytes. Whatever
/// it allocates per request is TestServer's and HttpClient's share, common to both targets.
/// </summary>
internal static class ReferenceHost
{
    public static async Task<HttpClient> StartAsync(IReadOnlyDictionary<string, ReferenceBody> bodies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        foreach (var (path, body) in bodies)
        {
            app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], context =>
            {
                var response = context.Response;
                if (context.Request.Headers.IfNoneMatch.Count > 0)
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return Task.CompletedTask;
                }

                response.ContentType = body.ContentType;
                response.ContentLength = body.Bytes.Length;
                return response.Body.WriteAsync(body.Bytes, 0, body.Bytes.Length, context.RequestAborted);
            });
        }

        await app.StartAsync();
        return app.GetTestServer().CreateClient();
    }
}
