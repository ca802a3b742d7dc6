using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace CrampKnowledge.Api.Hosting;

/// <summary>Every error leaves as RFC 9457 <c>application/problem+json</c>; none carries a stack trace.</summary>
public static partial class ProblemHandling
{
    public static IServiceCollection AddProblemHandling(this IServiceCollection services)
    {
        // Binding failures (?page=abc) throw in every environment, so one handler shapes them all.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Describe);
        return services;
    }

    public static WebApplication UseProblemHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }

    private static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.Remove("exception");
        switch (context.Exception)
        {
            case BadHttpRequestException bad when BindingFailure().Match(bad.Message) is { Success: true } match:
                var parameter = JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value);
                var message = $"'{match.Groups["value"].Value}' is not a valid {Describe(match.Groups["type"].Value)}.";
                problem.Title = "One or more parameters are invalid.";
                problem.Detail = $"{parameter}: {message}";
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [message] };
                break;
            case BadHttpRequestException bad when BodyProblems.Describe(bad) is { } body:
                problem.Title = "The request body is invalid.";
                problem.Detail = $"{body.Field}: {body.Message}";
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [body.Field] = [body.Message] };
                break;
            case BadHttpRequestException bad:
                problem.Detail = bad.Message;
                break;
            case not null:
                problem.Title = "An unexpected error occurred.";
                problem.Detail = "The server could not answer this request. It has been logged; please try again later.";
                break;
            default:
                problem.Detail ??= DefaultDetail(problem.Status);
                break;
        }

        // Routing lists the GET endpoint's methods; HEAD is answered too (HeadRequestMiddleware).
        var allow = context.HttpContext.Response.Headers.Allow.ToString();
        if (problem.Status == StatusCodes.Status405MethodNotAllowed && allow.Contains(HttpMethods.Get, StringComparison.Ordinal)
            && !allow.Contains(HttpMethods.Head, StringComparison.Ordinal))
        {
            context.HttpContext.Response.Headers.Allow = $"{allow}, {HttpMethods.Head}";
        }

        problem.Instance ??= context.HttpContext.Request.Path;
    }

    private static string Describe(string typeName) => NullableWrapper().Replace(typeName, "$1").TrimEnd('?') switch
    {
        "int" or "Int32" or "long" or "Int64" => "whole number",
        "bool" or "Boolean" => "boolean (true or false)",
        var other => other,
    };

    private static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status404NotFound => "No resource exists at this URL. See /swagger for the API's routes.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this API accepts (see Http:MaxRequestBodyBytes; 64 KB by default).",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as application/json.",
        StatusCodes.Status405MethodNotAllowed => "This resource does not accept that HTTP method. The API only reads: every resource is GET, and only the red-flag check takes a POST.",
        _ => null,
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();

    [GeneratedRegex("^Nullable<(.+)>$")]
    private static partial Regex NullableWrapper();
}
