using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Hosting;

/// <summary>JSON answers and request bodies use the contracts' metadata generated at compile time (<see cref="ApiJsonContext"/>).</summary>
public static class ResponseJsonSetup
{
    public static IServiceCollection AddResponseJson(this IServiceCollection services)
    {
        // First in the chain; the reflection resolver stays behind it for what is not a contract (ProblemDetails extensions).
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        return services;
    }
}
