using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>The sub-resource lists (<c>/causes/{id}/treatments</c> and the like) differ only in their link.</summary>
internal static class RelatedListing
{
    public static async Task<Results<Ok<RelatedRecords>, ProblemHttpResult>> ListAsync(
        KnowledgeDbContext db, RecordDirectory directory, RecordKind kind, string id, LinkKind link, bool outgoing, CancellationToken ct)
    {
        if (directory.FindById(kind, id) is not { } record)
        {
            return RecordProblems.NotFound(kind, id, directory);
        }

        var items = outgoing
            ? await RecordDetails.LinkedFromAsync(db, record.Key, link, ct)
            : await RecordDetails.LinkedToAsync(db, record.Key, link, ct);
        return TypedResults.Ok(new RelatedRecords(new RecordRef(kind.WireName(), record.Id, record.Name), items, items.Count, Disclaimer.Text));
    }
}
