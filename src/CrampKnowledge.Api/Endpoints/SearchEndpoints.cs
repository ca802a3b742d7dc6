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
        var response = Answer(query.Q!, query.EffectiveTypes, query.Limit ?? SearchQuery.DefaultLimit, vocabulary, search);
        return new BufferedOk<SearchResponse>(response, writer);
    }

    /// <summary>The whole answer to a question: its plan, the hits, the words that matched nothing and, without hits, likely typos.</summary>
    internal static SearchResponse Answer(string q, IReadOnlyList<string> types, int limit, SearchVocabulary vocabulary, KnowledgeSearch search)
    {
        var plan = vocabulary.Plan(q);
        var answer = search.Answer(plan, types, limit);
        var suggestions = answer.Hits.Count == 0 ? vocabulary.Suggest(answer.UnmatchedTerms) : [];
        return new SearchResponse(q, plan.Terms, answer.UnmatchedTerms, answer.Hits, suggestions, Disclaimer.Text);
    }
}
