using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

public static class CauseEndpoints
{
    public static RouteGroupBuilder MapCauseEndpoints(this IEndpointRouteBuilder app)
    {
        var causes = app.MapGroup("/api/v1/causes").WithTags("Causes");

        causes.MapGet("/", ListCauses).WithName(nameof(ListCauses))
            .WithSummary("List causes of leg and foot cramps.")
            .WithDescription("What the source articles say can bring on a cramp: dehydration, overuse, minerals, medicines, circulation, nerve and other medical conditions. "
                + "Filter by words people use (`q=water pills`), by `category`, by the `source` article, by a `treatment` that is linked to the cause, "
                + "or to records at least `minSources` articles support. Paged with `page` and `pageSize`.");

        causes.MapGet("/{id}", GetCause).WithName(nameof(GetCause))
            .WithSummary("One cause with its quotes and everything linked to it.")
            .WithDescription("The cause's citations (verbatim quotes with their certainty), any point the articles dispute about it, and its treatments, "
                + "preventions and red flags, each with the quotes that link them (and a reviewed `basis` where no quote names both ends). "
                + "When the articles give no treatment or prevention for the cause, `linksNote` says so instead of leaving the empty lists unexplained. "
                + "Ids are stable kebab-case, e.g. `dehydration`.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        causes.MapGet("/{id}/treatments", ListTreatmentsForCause).WithName(nameof(ListTreatmentsForCause))
            .WithSummary("Treatments the articles give for a cause.")
            .WithDescription("What helps with cramps from this cause, each with the quotes that connect the two.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        causes.MapGet("/{id}/preventions", ListPreventionsForCause).WithName(nameof(ListPreventionsForCause))
            .WithSummary("Ways to prevent cramps from a cause.")
            .WithDescription("How the articles say to avoid cramps from this cause, each with the quotes that connect the two.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        causes.MapGet("/{id}/red-flags", ListRedFlagsForCause).WithName(nameof(ListRedFlagsForCause))
            .WithSummary("When a cause means seeing a doctor.")
            .WithDescription("Warning signs connected to this cause for which an article says to see a doctor or specialist, with their urgency and quotes.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return causes;
    }

    private static Results<JsonOk<PagedResponse<RecordSummary>>, ValidationProblem> ListCauses(
        [AsParameters] CauseListQuery query, CauseListQueryValidator validator,
        KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (ValidationProblems.For(validator, query) is { } problem)
        {
            return problem;
        }

        var treatment = directory.Resolve(RecordKind.Treatment, RecordListFilter.Blank(query.Treatment));
        var filter = RecordListFilter.From(RecordKind.Cause, query,
            treatment is null ? null : new LinkConstraint(LinkKind.CauseTreatment, treatment.Key, OtherIsFrom: false));
        var (items, total) = RecordListing.List(snapshot, filter);
        return RecordPages.Ok(items, filter.Page, filter.PageSize, total);
    }

    private static Results<JsonOk<CauseDetail>, ProblemHttpResult> GetCause(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (snapshot.FindRecord(RecordKind.Cause, id) is not { } cause)
        {
            return RecordProblems.NotFound(RecordKind.Cause, id, directory);
        }

        return JsonOk.Of(RecordDetails.Cause(cause));
    }

    private static Results<JsonOk<RelatedRecords>, ProblemHttpResult> ListTreatmentsForCause(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory) =>
        RelatedListing.List(snapshot, directory, RecordKind.Cause, id, LinkKind.CauseTreatment, outgoing: true);

    private static Results<JsonOk<RelatedRecords>, ProblemHttpResult> ListPreventionsForCause(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory) =>
        RelatedListing.List(snapshot, directory, RecordKind.Cause, id, LinkKind.CausePrevention, outgoing: true);

    private static Results<JsonOk<RelatedRecords>, ProblemHttpResult> ListRedFlagsForCause(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory) =>
        RelatedListing.List(snapshot, directory, RecordKind.Cause, id, LinkKind.CauseRedFlag, outgoing: true);
}
