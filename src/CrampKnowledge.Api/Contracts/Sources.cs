using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Queries;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CrampKnowledge.Api.Contracts;

/// <summary>A source article as a list row.</summary>
public sealed record SourceSummary(string Id, string Name, string Summary, string Category, string? Publisher, int CitationCount);

/// <summary>A source article with its full, unedited text and the records that cite it.</summary>
public sealed record SourceDetail(
    string Id, string Name, string Summary, string Category, string? Publisher, string FileName, string Sha256,
    int CitationCount, IReadOnlyList<RecordRef> CitedBy, string Text, string Disclaimer);

public sealed record SourceListQuery
{
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "category")] public string? Category { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }
    [FromQuery(Name = "page")] public int? Page { get; init; }
    [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }
}

public static class SourceSort
{
    public static readonly IReadOnlyList<string> Orders = ["name", "-name", "citationCount", "-citationCount"];
}

internal sealed class SourceListQueryValidator : AbstractValidator<SourceListQuery>
{
    public SourceListQueryValidator(RecordDirectory directory)
    {
        RuleFor(x => x.Q).MaximumLength(RecordListLimits.MaxQLength);
        RuleFor(x => x.Category!)
            .Must(c => directory.HasTerm(VocabularyNames.SourceKinds, c))
            .When(x => !string.IsNullOrWhiteSpace(x.Category))
            .WithMessage(x => $"No source kind matches '{x.Category}'. Known: {string.Join(", ", directory.Terms(VocabularyNames.SourceKinds))}.");
        RuleFor(x => x.Sort!)
            .Must(s => SourceSort.Orders.Contains(s))
            .When(x => x.Sort is not null)
            .WithMessage($"sort must be one of: {string.Join(", ", SourceSort.Orders)}.");
        RuleFor(x => x.Page).InclusiveBetween(1, Paging.MaxPage);
        RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}
