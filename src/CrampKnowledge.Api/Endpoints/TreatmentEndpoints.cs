using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

public static class TreatmentEndpoints
{
    public static RouteGroupBuilder MapTreatmentEndpoints(this IEndpointRouteBuilder app)
    {
        var treatments = app.MapGroup("/api/v1/treatments").WithTags("Treatments");

        treatments.MapGet("/", ListTreatments).WithName(nameof(ListTreatments))
            .WithSummary("List treatments that relieve cramps.")
            .WithDescription("What the source articles say eases a cramp or its after-effects: stretching, massage, heat and ice, fluids, medicines and professional care. "
                + "`cause=dehydration` gives the treatments for a given cause (an id, name or alias such as `not drinking enough water` works). "
                + "Each row says how many articles support it (`sourceCount`); sort with `sort=-sourceCount` to put the best supported first.");

        treatments.MapGet("/{id}", GetTreatment).WithName(nameof(GetTreatment))
            .WithSummary("One treatment with its quotes, the causes it is for, and its cautions.")
            .WithDescription("Citations say how firmly each article recommends it (`certainty`: established, common, possible, doubtful). "
                + "`cautions` are red flags that limit the treatment, such as when massage must not be done.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        treatments.MapGet("/{id}/causes", ListCausesForTreatment).WithName(nameof(ListCausesForTreatment))
            .WithSummary("The causes a treatment is given for.")
            .WithDescription("Causes that an article connects to this treatment, each with the quotes that make the connection.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        treatments.MapGet("/{id}/cautions", ListCautionsForTreatment).WithName(nameof(ListCautionsForTreatment))
            .WithSummary("Cautions about a treatment.")
            .WithDescription("Red flags that say when this treatment must not be used or needs a clinician first.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return treatments;
    }

    private static Results<JsonOk<PagedResponse<RecordSummary>>, ValidationProblem> ListTreatments(
        [AsParameters] TreatmentListQuery query, TreatmentListQueryValidator validator,
        KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (ValidationProblems.For(validator, query) is { } problem)
        {
            return problem;
        }

        var cause = directory.Resolve(RecordKind.Cause, RecordListFilter.Blank(query.Cause));
        var filter = RecordListFilter.From(RecordKind.Treatment, query,
            cause is null ? null : new LinkConstraint(LinkKind.CauseTreatment, cause.Key, OtherIsFrom: true));
        var (items, total) = RecordListing.List(snapshot, filter);
        return RecordPages.Ok(items, filter.Page, filter.PageSize, total);
    }

    private static Results<JsonOk<TreatmentDetail>, ProblemHttpResult> GetTreatment(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (snapshot.FindRecord(RecordKind.Treatment, id) is not { } treatment)
        {
            return RecordProblems.NotFound(RecordKind.Treatment, id, directory);
        }

        return JsonOk.Of(RecordDetails.Treatment(treatment));
    }

    private static Results<JsonOk<RelatedRecords>, ProblemHttpResult> ListCausesForTreatment(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory) =>
        RelatedListing.List(snapshot, directory, RecordKind.Treatment, id, LinkKind.CauseTreatment, outgoing: false);

    private static Results<JsonOk<RelatedRecords>, ProblemHttpResult> ListCautionsForTreatment(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory) =>
        RelatedListing.List(snapshot, directory, RecordKind.Treatment, id, LinkKind.TreatmentCaution, outgoing: true);
}
