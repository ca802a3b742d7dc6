using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace CrampKnowledge.Api.Contracts;

/// <summary>A prevention with its quotes and the causes it is linked to.</summary>
public sealed record PreventionDetail(
    string Id, string Name, string Summary, string Category, IReadOnlyList<string> Aliases, int SourceCount,
    IReadOnlyList<Citation> Citations, IReadOnlyList<ContestedNote> Contested,
    IReadOnlyList<RelatedRecord> Causes,
    string Disclaimer);

public sealed record PreventionListQuery : IRecordListQuery
{
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "category")] public string? Category { get; init; }
    [FromQuery(Name = "source")] public string? Source { get; init; }
    [FromQuery(Name = "cause")] public string? Cause { get; init; }
    [FromQuery(Name = "minSources")] public int? MinSources { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    [FromQuery(Name = "page")] public int? Page { get; init; }
    [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }
}

internal sealed class PreventionListQueryValidator : RecordListQueryValidator<PreventionListQuery>
{
    public PreventionListQueryValidator(RecordDirectory directory) : base(directory, RecordKind.Prevention) =>
        RuleForRecordName(x => x.Cause, RecordKind.Cause);
}
