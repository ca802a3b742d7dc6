using Microsoft.AspNetCore.Hosting;

namespace CrampKnowledge.Api.Tests.Http;

/// <summary>An <see cref="ApiFactory"/> with extra configuration, e.g. a low rate limit or a CORS origin list.</summary>
public sealed class ConfiguredApiFactory(IReadOnlyDictionary<string, string> settings) : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
