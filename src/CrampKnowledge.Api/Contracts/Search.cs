using System.ComponentModel;
using System.Text.Json.Serialization;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CrampKnowledge.Api.Contracts;

/// <summary>Ranked hits for a question in a person's own words.</summary>
public sealed record SearchResponse(
    string Query,
    [property: Description("The terms actually searched: the query's significant words, then what synonyms added (\"water pills\" → diuretics).")]
    IReadOnlyList<string> SearchedTerms,
    [property: Description("The query's significant words that match nothing searched, neither as typed nor through a synonym "
        + "(\"cramp in my thigh\" → [\"thigh\"]): the knowledge base says nothing about them, which is not the same as saying they are harmless. "
        + "Empty when every word matched.")]
    IReadOnlyList<string> UnmatchedTerms,
    [property: Description("Present when the knowledge base cannot fully answer: some of the question's words match nothing (the note names them "
        + "and says the hits do not speak to them) or there are no hits. It says that where its sources are silent the knowledge base does not "
        + "know, which is no reassurance. Show it to the person with the hits; absent when every word matched and there are hits.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    [property: Description("The ranked hits; empty when the query's specific words match nothing (see unmatchedTerms). "
        + "Generic words (leg, foot, calf, cramp, muscle, spasm, pain, hurt, ache) never make a hit on their own.")]
    IReadOnlyList<SearchHit> Hits,
    [property: Description("When nothing matched: known words that an unmatched word is likely a typo of (\"dehidration\" → dehydration).")]
    IReadOnlyList<string> Suggestions,
    string Disclaimer);

/// <summary>One match, with the quotes that back it.</summary>
public sealed record SearchHit(
    [property: Description("cause, treatment, prevention, red-flag or source.")] string Type,
    string Id, string Name, string Summary,
    [property: Description("Relevance (bm25, higher is better); only comparable within one response. Hits are ordered by it within "
        + "their group (a caution first, then for how-to-stop-it-now questions treatments, with red flags when the question says "
        + "something specific, then the rest, and preventions last), so a later hit can score higher.")]
    double Score,
    [property: Description("The best-matching passage, HTML-escaped, with matches in <mark> tags.")] string Snippet,
    [property: Description("Red flags only: caution, see-doctor or see-specialist.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Urgency,
    [property: Description("True when the articles disagree about this record (as on the list rows); the record's detail gives both sides in `contested`.")]
    bool Contested,
    IReadOnlyList<Citation> Citations);

/// <summary>
/// What a search says when the articles are silent. Without it a bot relays hits for "blood clot" that are about blood pressure
/// drugs and low blood sugar, or turns no hits into "nothing to worry about".
/// </summary>
public static class SearchNotes
{
    private const string DoesNotKnow =
        "Where its sources are silent this knowledge base does not know, and that is no reassurance: "
        + "anyone worried about their symptoms should ask a doctor or another clinician.";

    /// <summary>Null when every word of the question matched something and there are hits.</summary>
    public static string? For(int hitCount, IReadOnlyList<string> unmatchedTerms)
    {
        var words = string.Join(", ", unmatchedTerms.Select(w => $"“{w}”"));
        return (hitCount, unmatchedTerms.Count) switch
        {
            (> 0, 0) => null,
            // "Searched", not "the articles": unmatched is relative to the types searched and, by default, to the records, not the articles' full text.
            (> 0, _) => $"Nothing searched mentions {words}: the hits match only the question's other words and say nothing about {(unmatchedTerms.Count == 1 ? "it" : "them")}. {DoesNotKnow}",
            (_, 0) => $"Nothing searched matches this question. {DoesNotKnow}",
            _ => $"Nothing searched mentions {words}, so there are no hits. {DoesNotKnow}",
        };
    }
}

public sealed record SearchQuery
{
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "types")] public string[]? Types { get; init; }
    [FromQuery(Name = "limit")] public int? Limit { get; init; }

    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public static readonly IReadOnlyList<string> KnownTypes = ["cause", "treatment", "prevention", "red-flag", "source"];

    /// <summary>Without <c>types</c>, search answers with knowledge records; the articles themselves on request.</summary>
    public static readonly IReadOnlyList<string> DefaultTypes = ["cause", "treatment", "prevention", "red-flag"];

    /// <summary>Types may repeat (<c>types=cause&amp;types=treatment</c>) or come comma-separated.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> TypeList => Types is null or [] ? [] :
        Types.SelectMany(t => (t ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();

    [JsonIgnore]
    public IReadOnlyList<string> EffectiveTypes => TypeList.Count > 0 ? TypeList : DefaultTypes;
}

internal sealed class SearchQueryValidator : AbstractValidator<SearchQuery>, IPlainlyValid<SearchQuery>
{
    public const int MaxQueryLength = 200;

    public SearchQueryValidator()
    {
        RuleFor(x => x.Q).Cascade(CascadeMode.Stop)
            .Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("q is required: the words to search for.")
            .MaximumLength(MaxQueryLength)
            .Must(q => SearchVocabulary.HasWord(q!)).WithMessage("q must contain at least one letter or digit.");
        RuleFor(x => x.TypeList)
            .Must(types => types.All(SearchQuery.KnownTypes.Contains))
            .WithMessage((_, types) => $"{string.Join(", ", types.Except(SearchQuery.KnownTypes).Select(t => $"'{t}'"))} is not a type; "
                + $"use any of: {string.Join(", ", SearchQuery.KnownTypes)}.")
            .OverridePropertyName("types");
        RuleFor(x => x.Limit).InclusiveBetween(1, SearchQuery.MaxLimit);
    }

    /// <summary>
    /// The rules above as plain tests for the usual question (a word, no <c>types</c>, a limit in range), so
    /// that it costs no rule objects; a question with <c>types</c> goes through the rules.
    /// </summary>
    public bool IsPlainlyValid(SearchQuery query) =>
        query.Q is { Length: <= MaxQueryLength } q && SearchVocabulary.HasWord(q)
        && query.Types is null or []
        && query.Limit is null or (>= 1 and <= SearchQuery.MaxLimit);
}
