using System.ComponentModel;
using System.Text.Json.Serialization;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using FluentValidation;

namespace CrampKnowledge.Api.Mcp;

/// <summary>The arguments of <c>get_record</c>.</summary>
public sealed record RecordLookup(string? Type = null, string? Id = null);

/// <summary>The arguments of <c>get_related</c>.</summary>
public sealed record RelatedLookup(string? Type = null, string? Id = null, string? Relation = null);

/// <summary>The arguments of a tool that takes none.</summary>
public sealed record NoArguments;

/// <summary>
/// The answer of <c>get_record</c>: exactly one of the detail fields is present, named by <c>type</c>, and equal to the
/// HTTP API's detail for the same id.
/// </summary>
public sealed record RecordLookupAnswer(
    [property: Description("cause, treatment, prevention, red-flag or source: which of the fields below is present.")] string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CauseDetail? Cause,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TreatmentDetail? Treatment,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PreventionDetail? Prevention,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RedFlagDetail? RedFlag,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SourceDetail? Source,
    [property: Description("The MCP resource with the same record (for a source, the article's text).")] string ResourceUri,
    string Disclaimer)
{
    /// <summary>The answer holding <paramref name="detail"/>, one of the five detail contracts, in its field.</summary>
    public static RecordLookupAnswer For(string type, object detail, string resourceUri) => new(
        type, detail as CauseDetail, detail as TreatmentDetail, detail as PreventionDetail, detail as RedFlagDetail, detail as SourceDetail,
        resourceUri, Contracts.Disclaimer.Text);
}

/// <summary>The record types an agent can ask for by id: the four kinds of records and the source articles.</summary>
internal static class LookupTypes
{
    public const string Source = "source";

    public static readonly IReadOnlyList<string> All = [.. RecordKinds.All.Select(k => k.WireName()), Source];
}

internal sealed class RecordLookupValidator : AbstractValidator<RecordLookup>
{
    public const int MaxIdLength = 100;

    public RecordLookupValidator()
    {
        RuleFor(x => x.Type).Must(t => t is not null && LookupTypes.All.Contains(t))
            .WithMessage(x => $"'{x.Type}' is not a type; use one of: {string.Join(", ", LookupTypes.All)}.");
        RuleFor(x => x.Id).NotEmpty().MaximumLength(MaxIdLength);
    }
}

internal sealed class RelatedLookupValidator : AbstractValidator<RelatedLookup>
{
    public RelatedLookupValidator()
    {
        RuleFor(x => x.Type).Must(t => t is not null && RecordKinds.All.Any(k => k.WireName() == t))
            .WithMessage(x => $"'{x.Type}' is not a record type; use one of: {string.Join(", ", RecordKinds.All.Select(k => k.WireName()))}.");
        RuleFor(x => x.Id).NotEmpty().MaximumLength(RecordLookupValidator.MaxIdLength);
        RuleFor(x => x.Relation)
            .Must((x, relation) => Relations.Find(x.Type, relation) is not null)
            .When(x => RecordKinds.All.Any(k => k.WireName() == x.Type))
            .WithMessage(x => $"A {x.Type} has no relation '{x.Relation}'; use one of: {string.Join(", ", Relations.Of(x.Type!).Select(r => r.Name))}.");
    }
}
