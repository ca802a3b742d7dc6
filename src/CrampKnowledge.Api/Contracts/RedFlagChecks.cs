using System.ComponentModel;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Hosting;
using FluentValidation;

namespace CrampKnowledge.Api.Contracts;

/// <summary>
/// What a person says about their cramps. Every field is optional, but a request needs a description or
/// at least one answer. An unknown field is an error rather than ignored: a misspelt answer would
/// otherwise silently miss a red flag.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RedFlagCheckRequest(
    string? Description = null,
    string? Frequency = null,
    string? Severity = null,
    string? Duration = null,
    string? OngoingFor = null,
    bool? Predictable = null,
    bool? WorseAtRest = null,
    bool? WorseWithLegRaised = null,
    bool? PainWhenWalking = null,
    bool? SorenessNextDay = null,
    bool? DisturbsSleep = null,
    bool? RecentInjury = null,
    bool? SuddenPain = null,
    IReadOnlyList<string>? Conditions = null,
    IReadOnlyList<string>? Medications = null,
    IReadOnlyList<string>? Treatments = null);

/// <summary>The outcome of a red-flag check: every red flag that matched, and how soon to see a doctor.</summary>
public sealed record RedFlagCheckResponse(
    [property: Description("none, unknown, soon or promptly (lowest first). soon or promptly: the highest level any matched trigger gives. "
        + "unknown: no matched trigger needs a doctor, but the description says something no rule can assess, or a condition, medicine or "
        + "treatment given names no record (see unassessed, unrecognized and note). "
        + "none: only when every word of the description was understood, every condition, medicine and treatment named a record, and nothing matched that needs a doctor; it is not an all-clear.")]
    string SeeDoctor,
    [property: Description("Words and phrases of the description, as the person wrote them, that the check does not understand and so cannot assess "
        + "(adjacent words joined into one phrase, each once). Always present: empty when every word was understood. Listed whatever the "
        + "seeDoctor, and even when the person denies them (\"no numbness\" lists numbness): the check cannot assess them either way.")]
    IReadOnlyList<string> Unassessed,
    [property: Description("A fixed note to show the person, present when unassessed is not empty (the rules endpoint's unassessedNote: the check "
        + "knows only the warning signs in its sources, no match is not an all-clear, anyone worried should see a clinician), else when unrecognized "
        + "is not empty (its unrecognizedNote: the check could not weigh them, check the spelling and ask again), and whenever seeDoctor "
        + "is none (its nothingMatchedNote: no warning sign the check knows matched, which is not an all-clear). Absent only when seeDoctor is "
        + "soon or promptly and everything given was understood.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note,
    [property: Description("Every red flag that matched, most pressing first (seeDoctor, then urgency, then name). Never truncated: show them all.")]
    IReadOnlyList<RedFlagMatch> Matches,
    [property: Description("Words from conditions, medications and treatments, and conditions and medicines the description names (negated ones left out), with the records they were read as.")]
    IReadOnlyList<RecognizedWord> Recognized,
    [property: Description("Words from conditions, medications and treatments that name no record, with close matches; ask the person again. "
        + "The check could not weigh them, so any of them makes a none an unknown.")]
    IReadOnlyList<UnrecognizedWord> Unrecognized,
    [property: Description("How many red flags' rules were evaluated (all of them).")]
    int CheckedRedFlags,
    string Disclaimer);

/// <summary>A red flag that matched, why, and the article's words behind it.</summary>
public sealed record RedFlagMatch(
    string Id, string Name,
    [property: Description("caution, see-doctor or see-specialist.")] string Urgency,
    string Summary,
    [property: Description("The highest seeDoctor among this red flag's matched triggers.")] string SeeDoctor,
    [property: Description("One entry per matched trigger, most pressing first.")] IReadOnlyList<RedFlagReason> Reasons,
    IReadOnlyList<Citation> Citations);

/// <summary>One matched trigger: what in the request made it match.</summary>
public sealed record RedFlagReason(
    [property: Description("Human-readable: the phrases found and the answers that matched.")] string Text,
    [property: Description("The exact words of the description that matched the trigger's phrases.")] IReadOnlyList<string> Phrases,
    [property: Description("The answers that matched the trigger's answers.")] IReadOnlyList<GivenAnswer> Answers,
    [property: Description("How soon to see a doctor by this trigger: none, soon or promptly.")] string SeeDoctor,
    [property: Description("The trigger's number within the red flag's rules (see /api/v1/red-flags/rules).")] int Trigger,
    [property: Description("The source words the trigger's seeDoctor rests on, when it sets its own.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RuleBasis? Basis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

/// <summary>An answer as the check read it: <c>true</c>, a choice, or a record id with the person's word.</summary>
public sealed record GivenAnswer(
    [property: Description("The answer's field name, e.g. frequency or conditions.")] string Answer,
    [property: Description("The value: a choice, true/false, or the id of the record a word was read as.")] string Value,
    [property: Description("The person's own words: a list answer's word, or the words of the description an answer was read from.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Word,
    [property: Description("Record answers: the name of the record the word was read as (absent for a choice read from the description).")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name);

/// <summary>A word from a list answer and the record it names.</summary>
public sealed record RecognizedWord(string Answer, string Word, string Type, string Id, string Name);

/// <summary>A word from a list answer that names no record, with the closest record ids.</summary>
public sealed record UnrecognizedWord(string Answer, string Word, IReadOnlyList<string> Suggestions);

/// <summary>The source words a trigger rests on.</summary>
public sealed record RuleBasis(string Source, string SourceTitle, string Quote);

/// <summary>Every red flag's rules, the answers they test and the seeDoctor levels, for bots that want to ask the right questions.</summary>
public sealed record RedFlagRulesResponse(
    IReadOnlyList<CheckAnswerField> Answers,
    IReadOnlyList<SeeDoctorLevel> SeeDoctorLevels,
    [property: Description("The note a check carries whenever some words are unassessed.")] string UnassessedNote,
    [property: Description("The note a check carries whenever it answers none.")] string NothingMatchedNote,
    [property: Description("The note a check carries when a condition, medicine or treatment given names no record and no word is unassessed.")] string UnrecognizedNote,
    [property: Description("What the check understands; any other word of a description is unassessed.")] CheckVocabularySummary Vocabulary,
    IReadOnlyList<RedFlagRuleSet> RedFlags,
    string Disclaimer);

/// <summary>An answer field a check request may carry.</summary>
public sealed record CheckAnswerField(
    string Name,
    [property: Description("choice, yes-no or records.")] string Kind,
    string Label, string Description,
    [property: Description("Choices: the allowed values; yes-no: true.")] IReadOnlyList<string> Values,
    [property: Description("Records: where the words are looked up (cause, treatment), in order.")] IReadOnlyList<string> LooksUp);

public sealed record SeeDoctorLevel(string Id, int Rank, string Description);

/// <summary>How the check decides which words of a description it understands (seed-data/check-vocabulary.json and the records).</summary>
public sealed record CheckVocabularySummary(
    [property: Description("How a word comes to be understood.")] string Description,
    [property: Description("Ordinary words in seed-data/check-vocabulary.json (cramps, body parts, activities, times, places, function words...).")] int OrdinaryWords,
    [property: Description("Ordinary phrases understood whole, e.g. \"hot day\" or \"warm up\".")] IReadOnlyList<string> OrdinaryPhrases,
    [property: Description("Record names and aliases, search synonyms and rule phrases that understand the words they are made of.")] int KnownPhrases,
    [property: Description("Words never understood on their own, even inside a known phrase (only inside an ordinary phrase): \"hot\" in \"my leg is hot\".")]
    IReadOnlyList<string> UnassessedOnTheirOwn,
    [property: Description("Ordinary words that together say something no rule assesses (\"can't feel\"): never understood where they occur.")]
    IReadOnlyList<string> UnassessedPhrases);

/// <summary>One red flag's triggers; it matches when any of them does.</summary>
public sealed record RedFlagRuleSet(string Id, string Name, string Urgency, IReadOnlyList<TriggerRule> Triggers);

/// <summary>A trigger: it matches when every part it has holds.</summary>
public sealed record TriggerRule(
    int Trigger,
    [property: Description("One of these must occur in the description.")] IReadOnlyList<string> Phrases,
    [property: Description("If any, one of these must occur in the description as well.")] IReadOnlyList<string> AlsoPhrases,
    [property: Description("Each listed answer must have one of its values.")] IReadOnlyList<AnswerCondition> Answers,
    string SeeDoctor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RuleBasis? Basis,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note);

public sealed record AnswerCondition(string Answer, IReadOnlyList<string> Values);

internal sealed class RedFlagCheckRequestValidator : AbstractValidator<RedFlagCheckRequest>, IPlainlyValid<RedFlagCheckRequest>
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxWords = 20;
    public const int MaxWordLength = 200;

    private static readonly IReadOnlyList<string> Frequencies = CheckAnswers.Find(CheckAnswers.Frequency)!.Values;
    private static readonly IReadOnlyList<string> Severities = CheckAnswers.Find(CheckAnswers.Severity)!.Values;
    private static readonly IReadOnlyList<string> Durations = CheckAnswers.Find(CheckAnswers.Duration)!.Values;
    private static readonly IReadOnlyList<string> OngoingFors = CheckAnswers.Find(CheckAnswers.OngoingFor)!.Values;

    public RedFlagCheckRequestValidator()
    {
        RuleFor(x => x.Description).MaximumLength(MaxDescriptionLength);
        RuleFor(x => x.Description)
            .Must((request, _) => HasInput(request))
            .WithMessage("Describe the cramps in description, or give at least one answer: "
                + string.Join(", ", CheckAnswers.All.Select(a => a.Name)) + ".");
        RuleForChoice(x => x.Frequency, CheckAnswers.Frequency, Frequencies);
        RuleForChoice(x => x.Severity, CheckAnswers.Severity, Severities);
        RuleForChoice(x => x.Duration, CheckAnswers.Duration, Durations);
        RuleForChoice(x => x.OngoingFor, CheckAnswers.OngoingFor, OngoingFors);
        RuleForWords(x => x.Conditions!);
        RuleForWords(x => x.Medications!);
        RuleForWords(x => x.Treatments!);
    }

    /// <summary>The rules above as plain tests, so that a valid check costs no rule objects; they must agree.</summary>
    public bool IsPlainlyValid(RedFlagCheckRequest r) =>
        (r.Description is null || r.Description.Length <= MaxDescriptionLength) && HasInput(r)
        && IsChoice(r.Frequency, Frequencies) && IsChoice(r.Severity, Severities) && IsChoice(r.Duration, Durations)
        && IsChoice(r.OngoingFor, OngoingFors)
        && AreWords(r.Conditions) && AreWords(r.Medications) && AreWords(r.Treatments);

    // Spelled out rather than as arrays and Any: it runs on every check.
    private static bool HasInput(RedFlagCheckRequest r) =>
        !string.IsNullOrWhiteSpace(r.Description)
        || !string.IsNullOrWhiteSpace(r.Frequency) || !string.IsNullOrWhiteSpace(r.Severity) || !string.IsNullOrWhiteSpace(r.Duration) || !string.IsNullOrWhiteSpace(r.OngoingFor)
        || r.Predictable is not null || r.WorseAtRest is not null || r.WorseWithLegRaised is not null || r.PainWhenWalking is not null
        || r.SorenessNextDay is not null || r.DisturbsSleep is not null || r.RecentInjury is not null || r.SuddenPain is not null
        || r.Conditions is { Count: > 0 } || r.Medications is { Count: > 0 } || r.Treatments is { Count: > 0 };

    private static bool IsChoice(string? value, IReadOnlyList<string> values)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var trimmed = value.AsSpan().Trim();
        for (var i = 0; i < values.Count; i++)
        {
            if (trimmed.Equals(values[i], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // What RuleForWords checks: at most MaxWords, each NotEmpty (not null or white space) and at most MaxWordLength long.
    private static bool AreWords(IReadOnlyList<string>? words)
    {
        if (words is null)
        {
            return true;
        }

        if (words.Count > MaxWords)
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(words[i]) || words[i].Length > MaxWordLength)
            {
                return false;
            }
        }

        return true;
    }

    private void RuleForChoice(Expression<Func<RedFlagCheckRequest, string?>> property, string answer, IReadOnlyList<string> values)
    {
        RuleFor(property)
            .Must(v => IsChoice(v, values))
            .WithMessage((_, v) => $"{answer} must be one of: {string.Join(", ", values)} (not '{v}').");
    }

    private void RuleForWords(Expression<Func<RedFlagCheckRequest, IEnumerable<string>>> property)
    {
        RuleFor(property)
            .Must(words => words is null || words.Count() <= MaxWords)
            .WithMessage($"{{PropertyName}} takes at most {MaxWords} words.");
        RuleForEach(property).NotEmpty().MaximumLength(MaxWordLength);
    }
}
