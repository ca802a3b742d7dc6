using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace CrampKnowledge.Api.Contracts;

/// <summary>A treatment with its quotes, the causes it is linked to, and the cautions that limit it.</summary>
public sealed record TreatmentDetail(
    string Id, string Name, string Summary, string Category, IReadOnlyList<string> Aliases, int SourceCount,
    IReadOnlyList<Citation> Citations, IReadOnlyList<ContestedNote> Contested,
    IReadOnlyList<RelatedRecord> Causes, IReadOnlyList<RelatedRecord> Cautions,
    string Disclaimer);

public sealed record TreatmentListQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "cause")] string? Cause,
    [FromQuery(Name = "minSources")] int? MinSources,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize) : IRecordListQuery;

internal sealed class TreatmentListQueryValidator : RecordListQueryValidator<TreatmentListQuery>
{
    public TreatmentListQueryValidator(RecordDirectory directory) : base(directory, RecordKind.Treatment) =>
        RuleForRecordName(x => x.Cause, RecordKind.Cause);
}
