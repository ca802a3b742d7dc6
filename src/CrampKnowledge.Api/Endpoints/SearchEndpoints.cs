using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/v1/search").WithTags("Search");

        search.MapGet("/", Search).WithName(nameof(Search))
            .WithSummary("Search the knowledge base in everyday words.")
            .WithDescription("Ranked full-text search (an in-memory inverted index, bm25) over names, aliases, summaries and source quotes; names and aliases "
                + "count most. Word endings and unfinished words match (`dehydrat`, `stretches`, `cramping`), and everyday words are also looked up "
                + "as the knowledge base's terms (`charley horse` → cramp, `water pills` → diuretics, `night` → nocturnal); `searchedTerms` shows "
                + "what was searched. Each hit has a highlighted `snippet` and the `citations` that back it. When nothing matches, `suggestions` "
                + "gives the nearest known words. Any text is safe: quotes, operators and symbols are searched as words. "
                + "`types` chooses what to search (repeat it or separate with commas; default cause, treatment, prevention and red-flag; add `source` "
                + "to search the articles' full text too) and `limit` caps the hits (1-50, default 10).")
            .WithValidation<SearchQuery>();

        return search;
    }

    private static BufferedOk<SearchResponse> Search(
        [AsParameters] SearchQuery query, SearchVocabulary vocabulary, KnowledgeSearch search, SearchResponseWriter writer)
    {
        var plan = vocabulary.Plan(query.Q!);
        var hits = search.Find(plan, query.EffectiveTypes, query.Limit ?? SearchQuery.DefaultLimit);
        var suggestions = hits.Count == 0 ? vocabulary.Suggest(plan) : [];
        return new BufferedOk<SearchResponse>(new SearchResponse(query.Q!, plan.Terms, hits, suggestions, Disclaimer.Text), writer);
    }
}
