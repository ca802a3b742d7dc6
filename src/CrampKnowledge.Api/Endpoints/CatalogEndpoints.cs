using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Mcp;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Endpoints;

public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/swagger")).ExcludeFromDescription();

        var catalog = app.MapGroup("/api/v1").WithTags("Catalog");

        catalog.MapGet("/", GetIndex).WithName(nameof(GetIndex))
            .WithSummary("The API's entry point: content version, counts and links.")
            .WithDescription("`contentVersion` is a hash of the seed data the database was built from; it changes whenever the content does. "
                + "`links` lead to every list and to the other resources: `search` (takes `q`), `graph`, `condition` (schema.org JSON-LD), "
                + "`red-flag-check` (a POST), `red-flag-rules`, the OpenAPI document and `mcp`, the Model Context Protocol server for AI agents.");

        catalog.MapGet("/categories", ListCategories).WithName(nameof(ListCategories))
            .WithSummary("The controlled vocabularies, with how many records use each term.")
            .WithDescription("Categories per record type (use them in `category=`), source kinds, red-flag urgency tiers (most urgent last) "
                + "and citation certainty levels, so clients can build filters without guessing.");

        return catalog;
    }

    private static JsonOk<ApiIndex> GetIndex(KnowledgeSnapshot snapshot, IOptions<AgentServerOptions> agents)
    {
        var links = RecordKinds.All.Select(k => k.PluralName()).Append("sources").Append("categories")
            .ToDictionary(name => name, name => $"/api/v1/{name}");
        links["search"] = "/api/v1/search";
        links["graph"] = "/api/v1/graph";
        links["condition"] = "/api/v1/condition.jsonld";
        links["red-flag-check"] = "/api/v1/red-flags/check";
        links["red-flag-rules"] = "/api/v1/red-flags/rules";
        links["openapi"] = "/swagger/v1/swagger.json";
        if (agents.Value.Enabled)
        {
            links["mcp"] = AgentServerSetup.Path;
        }

        return JsonOk.Of(new ApiIndex("CrampKnowledge", snapshot.ContentVersion, snapshot.Counts, links, Disclaimer.Text));
    }

    private static JsonOk<CategoriesResponse> ListCategories(KnowledgeSnapshot snapshot) => JsonOk.Of(snapshot.Categories);
}
