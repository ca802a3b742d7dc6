using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static JsonOk<PagedResponse<SourceSummary>> ListSources([AsParameters] SourceListQuery query, KnowledgeSnapshot snapshot)
    {
        IEnumerable<SnapshotSource> sources = snapshot.SourcesIn(query.Sort);
        if (RecordListFilter.Blank(query.Q) is { } q)
        {
            // As the SQL did: the needle is lower-cased fully, the text only in ASCII (SQLite's lower()).
            var needle = q.ToLowerInvariant();
            sources = sources.Where(s => s.LowerWords.Any(w => w.Contains(needle, StringComparison.Ordinal)));
        }

        if (RecordListFilter.Blank(query.Category) is { } kind)
        {
            sources = sources.Where(s => s.Kind == kind);
        }

        var matches = sources.ToList();
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? Paging.DefaultPageSize;
        var items = matches.Skip((page - 1) * pageSize).Take(pageSize).Select(s => s.Row).ToList();
        return JsonOk.Of(new PagedResponse<SourceSummary>(items, page, pageSize, matches.Count, Disclaimer.Text));
    }

    private static Results<JsonOk<SourceDetail>, ProblemHttpResult> GetSource(string id, KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (snapshot.FindSource(id) is not { } source)
        {
            var suggestions = directory.SuggestSources(id);
            var hint = NearestTerms.DidYouMean(suggestions, " See /api/v1/sources for the list.");
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such source.",
                detail: $"No source has the id '{id}'.{hint}", extensions: new Dictionary<string, object?> { ["suggestions"] = suggestions });
        }

        return JsonOk.Of(source.Detail);
    }
}
