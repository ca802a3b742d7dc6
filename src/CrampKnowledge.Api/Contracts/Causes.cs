using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace CrampKnowledge.Api.Contracts;

/// <summary>A cause with its quotes, the points the sources dispute about it, and what is linked to it.</summary>
public sealed record CauseDetail(
    string Id, string Name, string Summary, string Category, IReadOnlyList<string> Aliases, int SourceCount,
    IReadOnlyList<Citation> Citations, IReadOnlyList<ContestedNote> Contested,
    IReadOnlyList<RelatedRecord> Treatments, IReadOnlyList<RelatedRecord> Preventions, IReadOnlyList<RelatedRecord> RedFlags,
    string Disclaimer);

public sealed record CauseListQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "treatment")] string? Treatment,
    [FromQuery(Name = "minSources")] int? MinSources,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize) : IRecordListQuery;

internal sealed class CauseListQueryValidator : RecordListQueryValidator<CauseListQuery>
{
    public CauseListQueryValidator(RecordDirectory directory) : base(directory, RecordKind.Cause) =>
        RuleForRecordName(x => x.Treatment, RecordKind.Treatment);
}
