using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// The embeddable <c>&lt;cramp-guide&gt;</c> widget at a stable, versioned URL, and a plain demo page
/// that embeds it the way a clinic would. Static files rather than API operations, so not in Swagger.
/// </summary>
public static class WidgetEndpoints
{
    private static readonly WidgetAsset Script = WidgetAsset.Load("cramp-guide.js", "text/javascript; charset=utf-8");
    private static readonly WidgetAsset DemoPage = WidgetAsset.Load("demo.html", "text/html; charset=utf-8");
    private static readonly WidgetAsset DemoStyles = WidgetAsset.Load("demo.css", "text/css; charset=utf-8");

    public static RouteGroupBuilder MapWidgetEndpoints(this IEndpointRouteBuilder app)
    {
        var widget = app.MapGroup("/widget").WithTags("Widget").ExcludeFromDescription();
        widget.MapGet("/v1/cramp-guide.js", GetWidgetScript).WithName(nameof(GetWidgetScript))
            .WithSummary("The <cramp-guide> web component, one dependency-free script.");
        widget.MapGet("/demo", GetWidgetDemo).WithName(nameof(GetWidgetDemo))
            .WithSummary("A plain page that embeds the widget as a clinic would.");
        widget.MapGet("/demo.css", GetWidgetDemoStyles).WithName(nameof(GetWidgetDemoStyles))
            .WithSummary("The demo page's own styles.");
        return widget;
    }

    private static FileContentHttpResult GetWidgetScript(HttpContext context, IOptions<HttpBehaviourOptions> options) =>
        Script.Serve(context, options.Value.CacheMaxAgeSeconds);

    private static FileContentHttpResult GetWidgetDemo(HttpContext context, IOptions<HttpBehaviourOptions> options) =>
        DemoPage.Serve(context, options.Value.CacheMaxAgeSeconds);

    private static FileContentHttpResult GetWidgetDemoStyles(HttpContext context, IOptions<HttpBehaviourOptions> options) =>
        DemoStyles.Serve(context, options.Value.CacheMaxAgeSeconds);
}
