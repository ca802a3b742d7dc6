using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

internal static class RecordProblems
{
    /// <summary>404 for an unknown id, pointing at the nearest ids so a typo is one click from fixed.</summary>
    public static ProblemHttpResult NotFound(RecordKind kind, string id, RecordDirectory directory)
    {
        var suggestions = directory.SuggestRecords(kind, id);
        var hint = NearestTerms.DidYouMean(suggestions, $" See /api/v1/{kind.PluralName()} for the list.");
        return TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"No such {kind.WireName()}.",
            detail: $"No {kind.WireName()} has the id '{id}'.{hint}",
            extensions: new Dictionary<string, object?> { ["suggestions"] = suggestions });
    }
}
