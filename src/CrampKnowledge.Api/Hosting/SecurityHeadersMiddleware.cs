namespace CrampKnowledge.Api.Hosting;

/// <summary>Headers suitable for a JSON API, with CSPs strict enough for Swagger UI and the widget demo to still work.</summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Swagger UI loads only its own scripts, but sets inline styles and uses data: images for icons.
    private const string SwaggerPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    // The widget's demo page runs only the widget script, which styles itself with constructable
    // stylesheets: no inline script or style is needed, so none is allowed.
    private const string WidgetPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    // JSON is never a document to render; nothing may load from or frame it.
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // A static callback with the context as its state: no closure and delegate to allocate per request.
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = path.StartsWithSegments("/swagger") ? SwaggerPolicy : path.StartsWithSegments("/widget") ? WidgetPolicy : ApiPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
