using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

public static class RedFlagEndpoints
{
    public static RouteGroupBuilder MapRedFlagEndpoints(this IEndpointRouteBuilder app)
    {
        var redFlags = app.MapGroup("/api/v1/red-flags").WithTags("Red flags");

        redFlags.MapGet("/", ListRedFlags).WithName(nameof(ListRedFlags))
            .WithSummary("List red flags: when to see a doctor, and when not to use a treatment.")
            .WithDescription("Warning signs for which a source article says to see a doctor or specialist, and cautions such as not massaging a fresh injury. "
                + "Each has an `urgency` (see `/api/v1/categories` for the tiers). Filter by `urgency`, by a linked `cause`, or by a `treatment` it cautions against. "
                + "A chatbot should show every red flag that applies; never drop one.");

        redFlags.MapGet("/{id}", GetRedFlag).WithName(nameof(GetRedFlag))
            .WithSummary("One red flag with its urgency, quotes, causes and the treatments it limits.")
            .WithDescription("`urgency` follows what the article says to do; `citations` give the article's own words.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        redFlags.MapGet("/{id}/causes", ListCausesForRedFlag).WithName(nameof(ListCausesForRedFlag))
            .WithSummary("The causes a red flag is connected to.")
            .WithDescription("Causes that an article connects to this warning sign, each with the quotes that make the connection.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return redFlags;
    }

    private static Results<JsonOk<PagedResponse<RecordSummary>>, ValidationProblem> ListRedFlags(
        [AsParameters] RedFlagListQuery query, RedFlagListQueryValidator validator,
        KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (ValidationProblems.For(validator, query) is { } problem)
        {
            return problem;
        }

        var cause = directory.Resolve(RecordKind.Cause, RecordListFilter.Blank(query.Cause));
        var treatment = directory.Resolve(RecordKind.Treatment, RecordListFilter.Blank(query.Treatment));
        var filter = RecordListFilter.From(RecordKind.RedFlag, query,
            cause is null ? null : new LinkConstraint(LinkKind.CauseRedFlag, cause.Key, OtherIsFrom: true),
            treatment is null ? null : new LinkConstraint(LinkKind.TreatmentCaution, treatment.Key, OtherIsFrom: true))
            with { Urgency = RecordListFilter.Blank(query.Urgency) };
        var (items, total) = RecordListing.List(snapshot, filter);
        return RecordPages.Ok(items, filter.Page, filter.PageSize, total);
    }

    private static Results<JsonOk<RedFlagDetail>, ProblemHttpResult> GetRedFlag(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory)
    {
        if (snapshot.FindRecord(RecordKind.RedFlag, id) is not { } redFlag)
        {
            return RecordProblems.NotFound(RecordKind.RedFlag, id, directory);
        }

        return JsonOk.Of(RecordDetails.RedFlag(redFlag));
    }

    private static Results<JsonOk<RelatedRecords>, ProblemHttpResult> ListCausesForRedFlag(
        string id, KnowledgeSnapshot snapshot, RecordDirectory directory) =>
        RelatedListing.List(snapshot, directory, RecordKind.RedFlag, id, LinkKind.CauseRedFlag, outgoing: false);
}
