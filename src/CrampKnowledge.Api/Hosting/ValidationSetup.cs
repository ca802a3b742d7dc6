using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using FluentValidation;

namespace CrampKnowledge.Api.Hosting;

public static class ValidationSetup
{
    /// <summary>Each validator is registered by hand: no assembly scanning, no FluentValidation.AspNetCore.</summary>
    public static IServiceCollection AddValidators(this IServiceCollection services)
    {
        // Messages name parameters as clients send them ("pageSize"), not as C# spells them ("Page Size").
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddScoped<IValidator<CauseListQuery>, CauseListQueryValidator>();
        services.AddScoped<IValidator<TreatmentListQuery>, TreatmentListQueryValidator>();
        services.AddScoped<IValidator<PreventionListQuery>, PreventionListQueryValidator>();
        services.AddScoped<IValidator<RedFlagListQuery>, RedFlagListQueryValidator>();
        services.AddScoped<IValidator<SourceListQuery>, SourceListQueryValidator>();
        services.AddScoped<IValidator<SearchQuery>, SearchQueryValidator>();
        services.AddScoped<IValidator<RedFlagCheckRequest>, RedFlagCheckRequestValidator>();
        return services;
    }

    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument and documents the 400 it may return.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
