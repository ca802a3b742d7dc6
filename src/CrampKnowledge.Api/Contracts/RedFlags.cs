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

public sealed record RedFlagListQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "category")] string? Category,
    [FromQuery(Name = "urgency")] string? Urgency,
    [FromQuery(Name = "source")] string? Source,
    [FromQuery(Name = "cause")] string? Cause,
    [FromQuery(Name = "treatment")] string? Treatment,
    [FromQuery(Name = "minSources")] int? MinSources,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize) : IRecordListQuery;

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
