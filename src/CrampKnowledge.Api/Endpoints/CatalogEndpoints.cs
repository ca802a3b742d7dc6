using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
                + "`links` lead to every list.");

        catalog.MapGet("/categories", ListCategories).WithName(nameof(ListCategories))
            .WithSummary("The controlled vocabularies, with how many records use each term.")
            .WithDescription("Categories per record type (use them in `category=`), source kinds, red-flag urgency tiers (most urgent last) "
                + "and citation certainty levels, so clients can build filters without guessing.");

        return catalog;
    }

    private static async Task<Ok<ApiIndex>> GetIndex(KnowledgeDbContext db, RecordDirectory directory, CancellationToken ct)
    {
        var byKind = await db.Records.GroupBy(r => r.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Kind, g => g.Count, ct);
        var counts = new ContentCounts(
            byKind.GetValueOrDefault(RecordKind.Cause), byKind.GetValueOrDefault(RecordKind.Treatment),
            byKind.GetValueOrDefault(RecordKind.Prevention), byKind.GetValueOrDefault(RecordKind.RedFlag),
            await db.Sources.CountAsync(ct), await db.Links.CountAsync(ct), await db.Citations.CountAsync(ct),
            await db.ContestedPoints.CountAsync(ct));
        var links = RecordKinds.All.Select(k => k.PluralName()).Append("sources").Append("categories")
            .ToDictionary(name => name, name => $"/api/v1/{name}");
        links["openapi"] = "/swagger/v1/swagger.json";
        return TypedResults.Ok(new ApiIndex("CrampKnowledge", directory.ContentVersion, counts, links, Disclaimer.Text));
    }

    private static async Task<Ok<CategoriesResponse>> ListCategories(KnowledgeDbContext db, CancellationToken ct)
    {
        var terms = await db.Vocabulary.OrderBy(t => t.Vocabulary).ThenBy(t => t.Rank).ThenBy(t => t.Position).ToListAsync(ct);
        var recordCounts = await db.Records.GroupBy(r => new { r.Kind, r.Category })
            .Select(g => new { g.Key.Kind, g.Key.Category, Count = g.Count() }).ToListAsync(ct);
        var urgencyCounts = await db.RedFlags.GroupBy(r => r.Urgency).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var sourceKindCounts = await db.Sources.GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var certaintyCounts = await db.Citations.GroupBy(c => c.Certainty).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        List<VocabularyEntry> Vocabulary(string name, Func<string, int> count) =>
            terms.Where(t => t.Vocabulary == name).Select(t => new VocabularyEntry(t.Slug, t.Name, t.Description, count(t.Slug))).ToList();
        List<VocabularyEntry> Categories(RecordKind kind) =>
            Vocabulary(VocabularyNames.Categories(kind.WireName()), c => recordCounts.Where(r => r.Kind == kind && r.Category == c).Sum(r => r.Count));

        return TypedResults.Ok(new CategoriesResponse(
            Categories(RecordKind.Cause), Categories(RecordKind.Treatment), Categories(RecordKind.Prevention), Categories(RecordKind.RedFlag),
            Vocabulary(VocabularyNames.SourceKinds, k => sourceKindCounts.GetValueOrDefault(k)),
            Vocabulary(VocabularyNames.Urgencies, u => urgencyCounts.GetValueOrDefault(u)),
            Vocabulary(VocabularyNames.Certainties, c => certaintyCounts.GetValueOrDefault(c)),
            Disclaimer.Text));
    }
}
