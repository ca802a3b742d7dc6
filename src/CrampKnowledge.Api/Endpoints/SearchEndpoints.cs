using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Hosting;
using CrampKnowledge.Api.Telemetry;
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
                + "what was searched, and `unmatchedTerms` the words that matched nothing, not even through a synonym: the knowledge base says "
                + "nothing about them. Generic words (leg, foot, calf, cramp, muscle, spasm, pain, hurt, ache) never make a hit on their own: "
                + "when the other words all match nothing there are no hits (\"cramp in my thigh\" → `unmatchedTerms: [\"thigh\"]`), and a hit "
                + "must contain a specific word or a term it stands for. A question of generic words alone (\"leg cramps\") finds the records "
                + "named for them; their scores are near 0, as words in most records tell records apart hardly at all. "
                + "Order: hits follow their bm25 `score`, except that (1) when the question names a treatment and states the situation "
                + "its caution red flag describes (the red flag's rule phrases, name or aliases: \"can I massage my calf after I hurt it\", "
                + "\"muscle relaxer for my mother\", \"stretching with poor circulation\"), that caution comes first, added if the words did not "
                + "find it; (2) a question about stopping a cramp now (\"how do I stop a cramp right now\", \"relieve a cramp\", \"during a "
                + "cramp\") lists treatments first and preventions last. Scores are never changed, so a later hit can score higher. "
                + "Each hit has a highlighted `snippet`, `contested` (true when the articles disagree about the record, as on list rows) and "
                + "the `citations` that back it. When nothing matches, `suggestions` gives known words an unmatched word is likely a typo of. "
                + "Any text is safe: quotes, operators and symbols are searched as words. "
                + "`types` chooses what to search (repeat it or separate with commas; default cause, treatment, prevention and red-flag; add `source` "
                + "to search the articles' full text too) and `limit` caps the hits (1-50, default 10).")
            .WithValidation<SearchQuery>();

        return search;
    }

    private static JsonOk<SearchResponse> Search(
        [AsParameters] SearchQuery query, SearchVocabulary vocabulary, KnowledgeSearch search, KnowledgeMetrics metrics, HttpContext context)
    {
        var answer = Answer(query.Q!, query.EffectiveTypes, query.Limit ?? SearchQuery.DefaultLimit, vocabulary, search);
        // Kept with the answer, so a replay from the response cache is counted as a search too.
        var outcome = SearchOutcome.Of(answer.Hits.Count > 0);
        outcome.Record(metrics, KnowledgeMetrics.ViaHttp);
        context.Features.Set(outcome);
        return JsonOk.Of(answer);
    }

    /// <summary>The whole answer to a question: its plan, the hits, the words that matched nothing with the note they need and, without hits, likely typos.</summary>
    internal static SearchResponse Answer(string q, IReadOnlyList<string> types, int limit, SearchVocabulary vocabulary, KnowledgeSearch search)
    {
        var plan = vocabulary.Plan(q);
        var answer = search.Answer(plan, types, limit);
        var suggestions = answer.Hits.Count == 0 ? vocabulary.Suggest(answer.UnmatchedTerms) : [];
        return new SearchResponse(
            q, plan.Terms, answer.UnmatchedTerms, SearchNotes.For(answer.Hits.Count, answer.UnmatchedTerms), answer.Hits, suggestions, Disclaimer.Text);
    }
}
