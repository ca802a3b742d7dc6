using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace CrampKnowledge.Api.Hosting;

/// <summary>Every error leaves as RFC 9457 <c>application/problem+json</c>; none carries a stack trace.</summary>
public static class ProblemHandling
{
    public static IServiceCollection AddProblemHandling(this IServiceCollection services)
    {
        // Body failures (malformed JSON, wrong content type) throw in every environment, so one handler shapes them all.
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
            case BadHttpRequestException bad when BodyProblems.Describe(bad) is { } body:
                problem.Title = "The request body is invalid.";
                problem.Detail = $"{body.Field}: {body.Message}";
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [body.Field] = [body.Message] };
                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType }:
                // Kestrel's and the framework's own wording; the answers for these statuses read the same wherever they come from.
                problem.Detail = null;
                break;
            case BadHttpRequestException bad:
                problem.Detail = bad.Message;
                break;
            case not null:
                problem.Title = "An unexpected error occurred.";
                problem.Detail = "The server could not answer this request. It has been logged; please try again later.";
                break;
            case null when problem.Status == StatusCodes.Status400BadRequest && UnparsableQueryValue(context.HttpContext) is { } failed:
                var message = $"'{failed.Value}' is not a valid {failed.Kind}.";
                problem.Title = "One or more parameters are invalid.";
                problem.Detail = $"{failed.Name}: {message}";
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [failed.Name] = [message] };
                break;
            default:
                problem.Detail ??= DefaultDetail(problem.Status);
                break;
        }

        if (problem.Status is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
        {
            problem.Title = BodyProblemTitle(problem.Status);
            problem.Detail ??= BodyProblemDetail(context.HttpContext, problem.Status.Value);
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

    /// <summary>
    /// The first query value of the endpoint that does not parse as its parameter's type, in parameter order.
    /// The Request Delegate Generator answers <c>?page=abc</c> with a bare 400: it neither throws nor says which
    /// parameter failed, even with <see cref="RouteHandlerOptions.ThrowOnBadRequest"/>. The endpoint's binding
    /// metadata does say which parameters were parsed, and from which query names.
    /// </summary>
    private static (string Name, string Value, string Kind)? UnparsableQueryValue(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [];
        // Services and strings never fail to bind; only parsed values (int?, bool?) do.
        foreach (var parameter in metadata.Where(p => p.HasTryParse))
        {
            var info = parameter.ParameterInfo;
            var type = Nullable.GetUnderlyingType(info.ParameterType) ?? info.ParameterType;
            var name = info.GetCustomAttributes(inherit: true).OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? parameter.Name;
            var value = context.Request.Query[name].ToString();
            if (value.Length == 0)
            {
                continue;
            }

            if (type == typeof(int) && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return (name, value, "whole number");
            }

            if (type == typeof(bool) && !bool.TryParse(value, out _))
            {
                return (name, value, "boolean (true or false)");
            }
        }

        return null;
    }

    /// <summary>One title per body status, whichever layer refuses the body (Kestrel, the framework, our middleware).</summary>
    private static string? BodyProblemTitle(int? status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Content Too Large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        _ => null,
    };

    private static string BodyProblemDetail(HttpContext context, int status)
    {
        if (status == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HttpBehaviourOptions>>().Value.MaxRequestBodyBytes;
            return $"Request bodies may be at most {limit} bytes; this one is larger.";
        }

        var contentType = context.Request.ContentType;
        return string.IsNullOrEmpty(contentType)
            ? "Send the request body as application/json (UTF-8); this request has no Content-Type."
            : $"Send the request body as application/json (UTF-8); this request's Content-Type is '{contentType}'.";
    }

    private static string? DefaultDetail(int? status) => status switch
    {
        StatusCodes.Status404NotFound => "No resource exists at this URL. See /swagger for the API's routes.",
        StatusCodes.Status405MethodNotAllowed => "This resource does not accept that HTTP method. The API only reads: every resource is GET; the red-flag check and the MCP endpoint (/mcp) take a POST, and the Allow header lists what this one takes.",
        _ => null,
    };
}
