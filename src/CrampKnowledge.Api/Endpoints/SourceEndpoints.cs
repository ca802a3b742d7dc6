using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Endpoints;

public static class SourceEndpoints
{
    public static RouteGroupBuilder MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/v1/sources").WithTags("Sources");

        sources.MapGet("/", ListSources).WithName(nameof(ListSources))
            .WithSummary("List the source articles the knowledge base is curated from.")
            .WithDescription("Every fact in this API cites one of these articles. `category` is the kind of page (see `/api/v1/categories`); "
                + "`citationCount` counts the quotes taken from it.")
            .WithValidation<SourceListQuery>();

        sources.MapGet("/{id}", GetSource).WithName(nameof(GetSource))
            .WithSummary("One source article with its full text and what cites it.")
            .WithDescription("The article's unedited text (its SHA-256 is given so a copy can be checked), so every quote can be found in context, "
                + "and the records that cite it.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return sources;
    }

    private static async Task<Ok<PagedResponse<SourceSummary>>> ListSources(
        [AsParameters] SourceListQuery query, KnowledgeDbContext db, CancellationToken ct)
    {
        var sources = db.Sources.AsNoTracking();
        if (RecordListFilter.Blank(query.Q) is { } q)
        {
            var needle = q.ToLowerInvariant();
            sources = sources.Where(s => s.Title.ToLower().Contains(needle) || (s.Publisher != null && s.Publisher.ToLower().Contains(needle)));
        }

        if (RecordListFilter.Blank(query.Category) is { } kind)
        {
            sources = sources.Where(s => s.Kind == kind);
        }

        var total = await sources.CountAsync(ct);
        var ordered = query.Sort switch
        {
            "-name" => sources.OrderByDescending(s => EF.Functions.Collate(s.Title, "NOCASE")).ThenBy(s => s.Id),
            "citationCount" => sources.OrderBy(s => s.Citations.Count).ThenBy(s => EF.Functions.Collate(s.Title, "NOCASE")),
            "-citationCount" => sources.OrderByDescending(s => s.Citations.Count).ThenBy(s => EF.Functions.Collate(s.Title, "NOCASE")),
            _ => sources.OrderBy(s => EF.Functions.Collate(s.Title, "NOCASE")).ThenBy(s => s.Id),
        };
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? Paging.DefaultPageSize;
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new SourceSummary(s.Id, s.Title, s.Summary, s.Kind, s.Publisher, s.Citations.Count))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedResponse<SourceSummary>(items, page, pageSize, total, Disclaimer.Text));
    }

    private static async Task<Results<Ok<SourceDetail>, ProblemHttpResult>> GetSource(
        string id, KnowledgeDbContext db, RecordDirectory directory, CancellationToken ct)
    {
        var source = await db.Sources.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.Id, s.Title, s.Summary, s.Kind, s.Publisher, s.FileName, s.Sha256, s.Text, CitationCount = s.Citations.Count })
            .SingleOrDefaultAsync(ct);
        if (source is null)
        {
            var suggestions = directory.SuggestSources(id);
            var hint = NearestTerms.DidYouMean(suggestions, " See /api/v1/sources for the list.");
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such source.",
                detail: $"No source has the id '{id}'.{hint}", extensions: new Dictionary<string, object?> { ["suggestions"] = suggestions });
        }

        var citedBy = await db.Citations.OfType<RecordCitation>().Where(c => c.SourceId == id)
            .Select(c => new { c.Record.Kind, c.Record.Slug, c.Record.Name })
            .Distinct()
            .ToListAsync(ct);
        var refs = citedBy.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new RecordRef(r.Kind.WireName(), r.Slug, r.Name)).ToList();
        return TypedResults.Ok(new SourceDetail(source.Id, source.Title, source.Summary, source.Kind, source.Publisher,
            source.FileName, source.Sha256, source.CitationCount, refs, source.Text, Disclaimer.Text));
    }
}
