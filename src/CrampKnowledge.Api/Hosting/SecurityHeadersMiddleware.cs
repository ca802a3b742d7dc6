namespace CrampKnowledge.Api.Hosting;

/// <summary>Headers suitable for a JSON API, with a CSP strict enough for Swagger UI to still work.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Swagger UI loads only its own scripts, but sets inline styles and uses data: images for icons.
    private const string SwaggerPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // JSON is never a document to render; nothing may load from or frame it.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        var isSwagger = context.Request.Path.StartsWithSegments("/swagger");
        context.Response.OnStarting(() =>
        {
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = isSwagger ? SwaggerPolicy : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
