using System.ComponentModel;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Hosting;
using FluentValidation;

namespace CrampKnowledge.Api.Contracts;

/// <summary>A cause, treatment, prevention or red flag as a list row.</summary>
public sealed record RecordSummary(
    [property: Description("Stable kebab-case id; the last segment of the record's URL.")] string Id,
    string Name,
    [property: Description("A short summary in our own words; the citations carry the sources' words.")] string Summary,
    [property: Description("A category id from /api/v1/categories.")] string Category,
    [property: Description("Everyday words for the record; `q` and record filters match them.")] IReadOnlyList<string> Aliases,
    [property: Description("How many of the source articles support the record.")] int SourceCount,
    [property: Description("True when the articles disagree about this record; the detail's `contested` notes give both sides.")] bool Contested,
    [property: Description("Red flags only: caution, see-doctor or see-specialist.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Urgency);

/// <summary>A record linked to another, with the quotes that make the link.</summary>
public sealed record RelatedRecord(
    string Id, string Name, string Summary, string Category,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Urgency,
    [property: Description("The quotes that make the link. Usually one quote names both linked records; where none does, `basis` says why they connect them.")]
    IReadOnlyList<Citation> Citations,
    [property: Description("Only on links whose quotes do not name both records: a reviewed note, in our own words, on why the quotes connect them. Absent when a quote names both.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Basis = null);

/// <summary>Names the record a sub-resource list belongs to.</summary>
public sealed record RecordRef(string Type, string Id, string Name);

/// <summary>The records linked to one record, e.g. the treatments for a cause.</summary>
public sealed record RelatedRecords(RecordRef Of, IReadOnlyList<RelatedRecord> Items, int Total, string Disclaimer);

/// <summary>Query parameters every record list accepts.</summary>
/// <remarks>
/// The query types bound with <c>[AsParameters]</c> are records with init properties, not positional records: for a
/// positional record the Request Delegate Generator emits <c>typeof(string?)</c>, which does not compile (CS8639).
/// </remarks>
public interface IRecordListQuery
{
    string? Q { get; }
    string? Category { get; }
    string? Source { get; }
    int? MinSources { get; }
    string? Sort { get; }
    int? Page { get; }
    int? PageSize { get; }
}

public static class RecordSort
{
    public static readonly IReadOnlyList<string> Orders = ["name", "-name", "sourceCount", "-sourceCount"];
}

/// <summary>Limits of the list parameters, shared by the validators and the OpenAPI document.</summary>
public static class RecordListLimits
{
    public const int MaxQLength = 200;
    public const int MaxMinSources = 100;
}

/// <summary>
/// The rules every record list shares; each list's validator adds its relation filters. FluentValidation
/// reports what is wrong; <see cref="IsPlainlyValid"/> decides the same rules without it, since nearly every
/// request is valid and running the rules costs more than the rest of a list request's own work.
/// </summary>
internal abstract class RecordListQueryValidator<T> : AbstractValidator<T>, IPlainlyValid<T> where T : IRecordListQuery
{
    private const int MaxQLength = RecordListLimits.MaxQLength;
    private const int MaxMinSources = RecordListLimits.MaxMinSources;

    // One per optional filter rule (category, source, relation and vocabulary filters), for IsPlainlyValid.
    private readonly List<Func<T, bool>> _filterChecks = [];

    protected RecordListQueryValidator(RecordDirectory directory, RecordKind kind)
    {
        Directory = directory;
        RuleFor(x => x.Q).MaximumLength(MaxQLength);
        var categories = VocabularyNames.Categories(kind.WireName());
        RuleForFilter(x => x.Category, category => directory.HasTerm(categories, category))
            .WithMessage((_, category) => UnknownTermMessage($"{kind.WireName()} category", category!,
                directory.SuggestTerms(categories, category!), directory.Terms(categories)));
        RuleForFilter(x => x.Source, directory.HasSource)
            .WithMessage((_, source) => UnknownTermMessage("source", source!, directory.SuggestSources(source!), []));
        RuleFor(x => x.MinSources).InclusiveBetween(1, MaxMinSources);
        RuleFor(x => x.Sort!)
            .Must(IsSortOrder)
            .When(x => x.Sort is not null)
            .WithMessage($"sort must be one of: {string.Join(", ", RecordSort.Orders)}.");
        RuleFor(x => x.Page).InclusiveBetween(1, Paging.MaxPage);
        RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }

    protected RecordDirectory Directory { get; }

    /// <summary>True exactly when <see cref="AbstractValidator{T}.Validate(T)"/> would find no error.</summary>
    public bool IsPlainlyValid(T query)
    {
        if (query.Q?.Length > MaxQLength
            || !IsBetween(query.MinSources, 1, MaxMinSources)
            || (query.Sort is not null && !IsSortOrder(query.Sort))
            || !IsBetween(query.Page, 1, Paging.MaxPage)
            || !IsBetween(query.PageSize, 1, Paging.MaxPageSize))
        {
            return false;
        }

        foreach (var check in _filterChecks)
        {
            if (!check(query))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A filter that names a record accepts its id, name or any alias; otherwise say what is close.</summary>
    protected void RuleForRecordName(Expression<Func<T, string?>> filter, RecordKind kind) =>
        RuleForFilter(filter, word => Directory.Resolve(kind, word) is not null)
            .WithMessage((_, word) => UnknownTermMessage(kind.WireName(), word!, Directory.SuggestRecords(kind, word!), []));

    /// <summary>An optional filter: blank (<c>?cause=</c>) means no filter, anything else must name something that exists.</summary>
    protected IRuleBuilderOptions<T, string?> RuleForFilter(Expression<Func<T, string?>> filter, Func<string, bool> exists)
    {
        var read = filter.Compile();
        _filterChecks.Add(query => read(query) is not { } value || string.IsNullOrWhiteSpace(value) || exists(value));
        return RuleFor(filter)
            .Must(value => exists(value!))
            .When(x => !string.IsNullOrWhiteSpace(read(x)));
    }

    private static bool IsSortOrder(string sort) => RecordSort.Orders.Contains(sort);

    // As InclusiveBetween: no value passes.
    private static bool IsBetween(int? value, int from, int to) => value is not { } number || (number >= from && number <= to);

    private static string UnknownTermMessage(string what, string given, IReadOnlyList<string> suggestions, IReadOnlyList<string> known) =>
        $"No {what} matches '{given}'."
        + NearestTerms.DidYouMean(suggestions, known.Count > 0 ? $" Known: {string.Join(", ", known)}." : "");
}
