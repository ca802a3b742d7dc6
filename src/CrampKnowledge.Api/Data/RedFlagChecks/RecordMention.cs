using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// One spelling (id, name or alias) of a condition or medicine a description may name, and the list
/// answer it feeds: "I'm on dialysis" gives <c>conditions: dialysis</c> as if the person had answered it.
/// </summary>
internal sealed record RecordMention(string Text, string Answer, RecordKind Kind, string Id, string Name)
{
    /// <summary>Cause categories read as conditions the person has; the others (exertion, injury, night cramps...) name no condition.</summary>
    public static readonly IReadOnlyList<string> ConditionCategories = ["fluids-and-minerals", "circulation", "nerve-and-spine", "medical-condition"];

    /// <summary>Cause and treatment categories read as medicines the person takes.</summary>
    public const string MedicationCategory = "medication";

    /// <summary>
    /// Aliases that name a circumstance rather than a condition a person has ("I was sweating"), and short
    /// aliases ("ms", "cp") that are too often other words; they still resolve in the structured answers.
    /// </summary>
    public static readonly IReadOnlyList<string> NotInDescriptions = ["sweating"];

    /// <summary>Every spelling of every condition and medicine, by kind then id; the rule book keeps the first of each answer's with the same words.</summary>
    public static IEnumerable<RecordMention> From(KnowledgeSnapshot snapshot) =>
        snapshot.RecordsOf(RecordKind.Cause).Concat(snapshot.RecordsOf(RecordKind.Treatment))
            .OrderBy(r => r.Kind).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => (Record: r, Answer: AnswerFor(r.Kind, r.Category)))
            .Where(r => r.Answer is not null)
            .SelectMany(r => Spellings(r.Record).Select(s => new RecordMention(s, r.Answer!, r.Record.Kind, r.Record.Id, r.Record.Name)));

    private static string? AnswerFor(RecordKind kind, string category) =>
        category == MedicationCategory ? CheckAnswers.Medications
        : kind == RecordKind.Cause && ConditionCategories.Contains(category) ? CheckAnswers.Conditions
        : null;

    // The id with its hyphens as spaces, the name unless it carries a bracket ("Diuretics (water pills)"), and the aliases.
    private static IEnumerable<string> Spellings(SnapshotRecord record) =>
        new[] { record.Id.Replace('-', ' ') }
            .Concat(record.Name.Contains('(', StringComparison.Ordinal) ? [] : [record.Name])
            .Concat(record.Aliases)
            .Where(s => s.Length >= 3 && !NotInDescriptions.Contains(s, StringComparer.OrdinalIgnoreCase));
}
