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

public sealed record TreatmentListQuery : IRecordListQuery
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

internal sealed class TreatmentListQueryValidator : RecordListQueryValidator<TreatmentListQuery>
{
    public TreatmentListQueryValidator(RecordDirectory directory) : base(directory, RecordKind.Treatment) =>
        RuleForRecordName(x => x.Cause, RecordKind.Cause);
}
