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

public sealed record CauseListQuery : IRecordListQuery
{
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "category")] public string? Category { get; init; }
    [FromQuery(Name = "source")] public string? Source { get; init; }
    [FromQuery(Name = "treatment")] public string? Treatment { get; init; }
    [FromQuery(Name = "minSources")] public int? MinSources { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    [FromQuery(Name = "page")] public int? Page { get; init; }
    [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }
}

internal sealed class CauseListQueryValidator : RecordListQueryValidator<CauseListQuery>
{
    public CauseListQueryValidator(RecordDirectory directory) : base(directory, RecordKind.Cause) =>
        RuleForRecordName(x => x.Treatment, RecordKind.Treatment);
}
