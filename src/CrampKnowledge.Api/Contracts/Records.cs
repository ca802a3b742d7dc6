using System.ComponentModel;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
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
    IReadOnlyList<Citation> Citations);

/// <summary>Names the record a sub-resource list belongs to.</summary>
public sealed record RecordRef(string Type, string Id, string Name);

/// <summary>The records linked to one record, e.g. the treatments for a cause.</summary>
public sealed record RelatedRecords(RecordRef Of, IReadOnlyList<RelatedRecord> Items, int Total, string Disclaimer);

/// <summary>Query parameters every record list accepts.</summary>
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

/// <summary>The rules every record list shares; each list's validator adds its relation filters.</summary>
internal abstract class RecordListQueryValidator<T> : AbstractValidator<T> where T : IRecordListQuery
{
    protected RecordListQueryValidator(RecordDirectory directory, RecordKind kind)
    {
        Directory = directory;
        RuleFor(x => x.Q).MaximumLength(200);
        RuleFor(x => x.Category!)
            .Must(c => directory.HasTerm(VocabularyNames.Categories(kind.WireName()), c))
            .When(x => !string.IsNullOrWhiteSpace(x.Category))
            .WithMessage(x => UnknownTermMessage($"{kind.WireName()} category", x.Category!,
                directory.SuggestTerms(VocabularyNames.Categories(kind.WireName()), x.Category!),
                directory.Terms(VocabularyNames.Categories(kind.WireName()))));
        RuleFor(x => x.Source!)
            .Must(directory.HasSource)
            .When(x => !string.IsNullOrWhiteSpace(x.Source))
            .WithMessage(x => UnknownTermMessage("source", x.Source!, directory.SuggestSources(x.Source!), []));
        RuleFor(x => x.MinSources).InclusiveBetween(1, 100);
        RuleFor(x => x.Sort!)
            .Must(s => RecordSort.Orders.Contains(s))
            .When(x => x.Sort is not null)
            .WithMessage($"sort must be one of: {string.Join(", ", RecordSort.Orders)}.");
        RuleFor(x => x.Page).InclusiveBetween(1, Paging.MaxPage);
        RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }

    protected RecordDirectory Directory { get; }

    /// <summary>A filter that names a record accepts its id, name or any alias; otherwise say what is close.</summary>
    protected void RuleForRecordName(Expression<Func<T, string?>> filter, RecordKind kind) =>
        RuleFor(filter)
            .Must(word => string.IsNullOrWhiteSpace(word) || Directory.Resolve(kind, word) is not null)
            .WithMessage((_, word) => UnknownTermMessage(kind.WireName(), word!, Directory.SuggestRecords(kind, word!), []));

    private static string UnknownTermMessage(string what, string given, IReadOnlyList<string> suggestions, IReadOnlyList<string> known) =>
        $"No {what} matches '{given}'."
        + NearestTerms.DidYouMean(suggestions, known.Count > 0 ? $" Known: {string.Join(", ", known)}." : "");
}
