using FluentValidation;

namespace CrampKnowledge.Api.Hosting;

/// <summary>Runs the FluentValidation validator of an endpoint's <typeparamref name="T"/> argument.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter where T : class
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (FindArgument(context) is not { } argument)
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Request is missing."));
        }

        if (validator is IPlainlyValid<T> plain && plain.IsPlainlyValid(argument))
        {
            return next(context);
        }

        // Every rule is synchronous; ValidateAsync would wrap each one in an async state machine per request.
        var outcome = validator.Validate(argument);
        if (outcome.IsValid)
        {
            return next(context);
        }

        // Keys are C# property names; clients know the wire names, which are their camelCase.
        var errors = outcome.Errors
            .GroupBy(e => JsonNamingPolicyCamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
            errors,
            title: "One or more parameters are invalid.",
            detail: string.Join(" ", errors.SelectMany(e => e.Value))));
    }

    private static T? FindArgument(EndpointFilterInvocationContext context)
    {
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            if (context.Arguments[i] is T argument)
            {
                return argument;
            }
        }

        return null;
    }

    private static string JsonNamingPolicyCamelCase(string name) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
