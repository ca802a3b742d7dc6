using System.ComponentModel;
using System.Text.Json.Serialization;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using Microsoft.AspNetCore.Mvc;

namespace CrampKnowledge.Api.Contracts;

/// <summary>A cause with its quotes, the points the sources dispute about it, and what is linked to it.</summary>
public sealed record CauseDetail(
    string Id, string Name, string Summary, string Category, IReadOnlyList<string> Aliases, int SourceCount,
    IReadOnlyList<Citation> Citations, IReadOnlyList<ContestedNote> Contested,
    IReadOnlyList<RelatedRecord> Treatments, IReadOnlyList<RelatedRecord> Preventions, IReadOnlyList<RelatedRecord> RedFlags,
    [property: Description("Present only when `treatments` and `preventions` are both empty: says that the source articles name this cause "
        + "but say nothing about treating or preventing cramps from it, so empty lists are not read as \"nothing to do\". Absent otherwise.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LinksNote,
    string Disclaimer)
{
    /// <summary>The <see cref="LinksNote"/> of a cause the articles give no treatment or prevention for.</summary>
    public const string NoTreatmentOrPreventionNote =
        "The source articles name this as a cause of cramps but say nothing about treating or preventing cramps from it; ask a clinician.";

    /// <summary>The note a cause with these links carries, or null when the articles give it a treatment or prevention.</summary>
    public static string? NoteFor(IReadOnlyList<RelatedRecord> treatments, IReadOnlyList<RelatedRecord> preventions) =>
        treatments.Count == 0 && preventions.Count == 0 ? NoTreatmentOrPreventionNote : null;
}

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
