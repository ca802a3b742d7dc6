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

public sealed record PreventionListQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "cause")] string? Cause,
    [FromQuery(Name = "minSources")] int? MinSources,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize) : IRecordListQuery;

internal sealed class PreventionListQueryValidator : RecordListQueryValidator<PreventionListQuery>
{
    public PreventionListQueryValidator(RecordDirectory directory) : base(directory, RecordKind.Prevention) =>
        RuleForRecordName(x => x.Cause, RecordKind.Cause);
}
