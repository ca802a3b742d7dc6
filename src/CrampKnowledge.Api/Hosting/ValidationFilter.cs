using FluentValidation;

namespace CrampKnowledge.Api.Hosting;

/// <summary>Runs the FluentValidation validator of an endpoint's <typeparamref name="T"/> argument.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<T>().FirstOrDefault() is not { } argument)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Request is missing.");
        }

        var outcome = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        if (outcome.IsValid)
        {
            return await next(context);
        }

        // Keys are C# property names; clients know the wire names, which are their camelCase.
        var errors = outcome.Errors
            .GroupBy(e => JsonNamingPolicyCamelCase(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return TypedResults.ValidationProblem(
            errors,
            title: "One or more parameters are invalid.",
            detail: string.Join(" ", errors.SelectMany(e => e.Value)));
    }

    private static string JsonNamingPolicyCamelCase(string name) =>
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
