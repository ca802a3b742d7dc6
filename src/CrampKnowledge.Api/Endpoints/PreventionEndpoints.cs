using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

public static class PreventionEndpoints
{
    public static RouteGroupBuilder MapPreventionEndpoints(this IEndpointRouteBuilder app)
    {
        var preventions = app.MapGroup("/api/v1/preventions").WithTags("Preventions");

        preventions.MapGet("/", ListPreventions).WithName(nameof(ListPreventions))
            .WithSummary("List ways to prevent cramps.")
            .WithDescription("What the source articles say keeps cramps away: stretching and warm-ups, fluids and electrolytes, foods and supplements, pacing activity, footwear. "
                + "`cause=overuse` gives the preventions for a given cause; `q=bananas` finds records by everyday words.");

        preventions.MapGet("/{id}", GetPrevention).WithName(nameof(GetPrevention))
            .WithSummary("One prevention with its quotes and the causes it addresses.")
            .WithDescription("The prevention's citations with their certainty, any disputed point about it, and the causes it is linked to.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        preventions.MapGet("/{id}/causes", ListCausesForPrevention).WithName(nameof(ListCausesForPrevention))
            .WithSummary("The causes a prevention addresses.")
            .WithDescription("Causes that an article connects to this prevention, each with the quotes that make the connection.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return preventions;
    }

    private static Results<JsonOk<PagedResponse<RecordSummary>>, ValidationProblem> ListPreventions(
        [AsParameters] PreventionListQuery query, PreventionListQueryValidator validator,
        KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (ValidationProblems.For(validator, query) is { } problem)
        {
            return problem;
        }

        var cause = directory.Resolve(RecordKind.Cause, RecordListFilter.Blank(query.Cause));
        var filter = RecordListFilter.From(RecordKind.Prevention, query,
            cause is null ? null : new LinkConstraint(LinkKind.CausePrevention, cause.Key, OtherIsFrom: true));
        var (items, total) = RecordListing.List(snapshot, filter);
        return RecordPages.Ok(items, filter.Page, filter.PageSize, total);
    }

    private static Results<JsonOk<PreventionDetail>, ProblemHttpResult> GetPrevention(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (snapshot.FindRecord(RecordKind.Prevention, id) is not { } prevention)
        {
            return RecordProblems.NotFound(RecordKind.Prevention, id, directory);
        }

        return JsonOk.Of(RecordDetails.Prevention(prevention));
    }

    private static Results<JsonOk<RelatedRecords>, ProblemHttpResult> ListCausesForPrevention(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory) =>
        RelatedListing.List(snapshot, directory, RecordKind.Prevention, id, LinkKind.CausePrevention, outgoing: false);
}
