using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CrampKnowledge.Api.Contracts;

/// <summary>A red flag: when to see a doctor or specialist, or when a treatment must not be used.</summary>
public sealed record RedFlagDetail(
    string Id, string Name, string Summary, string Category, string Urgency, IReadOnlyList<string> Aliases, int SourceCount,
    IReadOnlyList<Citation> Citations, IReadOnlyList<ContestedNote> Contested,
    IReadOnlyList<RelatedRecord> Causes, IReadOnlyList<RelatedRecord> Treatments,
    string Disclaimer);

public sealed record RedFlagListQuery : IRecordListQuery
{
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "category")] public string? Category { get; init; }
    [FromQuery(Name = "urgency")] public string? Urgency { get; init; }
    [FromQuery(Name = "source")] public string? Source { get; init; }
    [FromQuery(Name = "cause")] public string? Cause { get; init; }
    [FromQuery(Name = "treatment")] public string? Treatment { get; init; }
    [FromQuery(Name = "minSources")] public int? MinSources { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    [FromQuery(Name = "page")] public int? Page { get; init; }
    [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }
}

internal sealed class RedFlagListQueryValidator : RecordListQueryValidator<RedFlagListQuery>
{
    public RedFlagListQueryValidator(RecordDirectory directory) : base(directory, RecordKind.RedFlag)
    {
        RuleForRecordName(x => x.Cause, RecordKind.Cause);
        RuleForRecordName(x => x.Treatment, RecordKind.Treatment);
        RuleForFilter(x => x.Urgency, urgency => directory.HasTerm(VocabularyNames.Urgencies, urgency))
            .WithMessage((_, urgency) => $"No urgency matches '{urgency}'. Known: {string.Join(", ", directory.Terms(VocabularyNames.Urgencies))}.");
    }
}
