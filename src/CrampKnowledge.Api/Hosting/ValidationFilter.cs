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

        return ValueTask.FromResult<object?>(ValidationProblems.From(outcome));
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
}
