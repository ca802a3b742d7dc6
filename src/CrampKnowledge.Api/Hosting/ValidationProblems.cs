using CrampKnowledge.Api.Contracts;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Hosting;

/// <summary>The 400 a request gets when its parameters or body break a validator's rules.</summary>
internal static class ValidationProblems
{
    /// <summary>
    /// The problem for a record list query, or null when it is valid: FluentValidation runs only for a
    /// query that is not plainly valid, to say what is wrong (as <see cref="ValidationFilter{T}"/> does).
    /// </summary>
    public static ValidationProblem? For<T>(RecordListQueryValidator<T> validator, T query) where T : IRecordListQuery =>
        validator.IsPlainlyValid(query) ? null : From(validator.Validate(query));

    /// <summary>Every failure, under the parameter's wire name, and all of them once more as the detail.</summary>
    public static ValidationProblem From(ValidationResult outcome)
    {
        // Keys are C# property names; clients know the wire names, which are their camelCase.
        var errors = outcome.Errors
            .GroupBy(e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return TypedResults.ValidationProblem(
            errors,
            title: "One or more parameters are invalid.",
            detail: string.Join(" ", errors.SelectMany(e => e.Value)));
    }
}
