using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using FluentValidation;

namespace CrampKnowledge.Api.Hosting;

public static class ValidationSetup
{
    /// <summary>
    /// Each validator is registered by hand: no assembly scanning, no FluentValidation.AspNetCore.
    /// Singletons: they hold no per-request state, and building a validator's rules costs more than running them.
    /// </summary>
    public static IServiceCollection AddValidators(this IServiceCollection services)
    {
        // Messages name parameters as clients send them ("pageSize"), not as C# spells them ("Page Size").
        // Remembered per member: FluentValidation asks for every rule on every validation, not only when a rule fails.
        var wireNames = new ConcurrentDictionary<MemberInfo, string>();
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : wireNames.GetOrAdd(member, m => JsonNamingPolicy.CamelCase.ConvertName(m.Name));
        // The record lists' handlers run their validator themselves (ValidationProblems.For), without a filter.
        services.AddSingleton<CauseListQueryValidator>();
        services.AddSingleton<TreatmentListQueryValidator>();
        services.AddSingleton<PreventionListQueryValidator>();
        services.AddSingleton<RedFlagListQueryValidator>();
        services.AddSingleton<IValidator<SourceListQuery>, SourceListQueryValidator>();
        services.AddSingleton<IValidator<SearchQuery>, SearchQueryValidator>();
        services.AddSingleton<IValidator<RedFlagCheckRequest>, RedFlagCheckRequestValidator>();
        return services;
    }

    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument and documents the 400 it may return.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
