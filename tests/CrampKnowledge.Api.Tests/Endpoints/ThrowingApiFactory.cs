using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>
/// The API plus one route, <c>/test/throw</c>, that throws. It is added after the app's own pipeline,
/// so the exception travels back through the app's real error handling, as a bug in a handler would.
/// </summary>
public sealed class ThrowingApiFactory : ApiFactory
{
    public const string Route = "/test/throw";
    public const string Secret = "boom-7f3a: connection string Data Source=/secret/path.db";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingRoute>());
    }

    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Route, branch => branch.Run(_ => throw new InvalidOperationException(Secret)));
        };
    }
}
