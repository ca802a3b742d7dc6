using System.Text.Json;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Data.Seeding;

// The red-flag check's rules: every red flag needs some, and every part of a trigger must be one the
// check can actually test, or a red flag could silently never match.
internal sealed partial class SeedDataValidator
{
    private void CheckRedFlagRules()
    {
        CheckSeeDoctorLevels();
        const string file = SeedDataReader.RedFlagRulesFile;
        var redFlags = _seed.Records[RecordKind.RedFlag].Select(r => r.Id).ToList();
        var redFlagIds = redFlags.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in _seed.RedFlagRules)
        {
            if (!redFlagIds.Contains(rule.RedFlag))
            {
                Problem(file, rule.RedFlag, "no red flag has this id");
            }

            if (!seen.Add(rule.RedFlag))
            {
                Problem(file, rule.RedFlag, "the red flag has two entries; give it one with all its triggers");
            }

            if (rule.Triggers.Count == 0)
            {
                Problem(file, rule.RedFlag, "at least one trigger is required");
            }

            foreach (var (trigger, index) in rule.Triggers.Select((t, i) => (t, i)))
            {
                CheckTrigger(file, $"{rule.RedFlag} (trigger {index + 1})", trigger);
            }
        }

        foreach (var id in redFlags.Where(id => !seen.Contains(id)))
        {
            Problem(file, id, "the red flag has no rules; every red flag needs at least one trigger, or the check can never report it");
        }
    }

    private void CheckSeeDoctorLevels()
    {
        const string file = SeedDataReader.VocabularyFile;
        var levels = string.Join(", ", SeeDoctorLevels.RuleLevels);
        foreach (var urgency in _seed.Vocabulary.Urgencies.Where(u => !SeeDoctorLevels.IsRuleLevel(u.SeeDoctor)))
        {
            Problem(file, $"urgencies.{urgency.Id}", $"seeDoctor '{urgency.SeeDoctor}' is not one of: {levels}");
        }

        var others = _seed.Vocabulary.Categories.SelectMany(c => c.Value.Select(t => ($"categories.{c.Key}.{t.Id}", t)))
            .Concat(_seed.Vocabulary.SourceKinds.Select(t => ($"sourceKinds.{t.Id}", t)))
            .Concat(_seed.Vocabulary.Certainties.Select(t => ($"certainties.{t.Id}", t)));
        foreach (var (label, _) in others.Where(o => o.t.SeeDoctor is not null))
        {
            Problem(file, label, "only urgencies have a seeDoctor");
        }
    }

    private void CheckTrigger(string file, string label, SeedTrigger trigger)
    {
        if (trigger.Phrases is null && (trigger.Answers is null || trigger.Answers.Count == 0))
        {
            Problem(file, label, "a trigger needs phrases or answers; an empty one would match every request");
        }

        if (trigger.AlsoPhrases is not null && trigger.Phrases is null)
        {
            Problem(file, label, "alsoPhrases only narrows phrases; give phrases too");
        }

        CheckPhrases(file, label, "phrases", trigger.Phrases);
        CheckPhrases(file, label, "alsoPhrases", trigger.AlsoPhrases);
        foreach (var (name, value) in trigger.Answers ?? new Dictionary<string, JsonElement>())
        {
            CheckTriggerAnswer(file, label, name, value);
        }

        if (trigger.SeeDoctor is not null && !SeeDoctorLevels.IsRuleLevel(trigger.SeeDoctor))
        {
            Problem(file, label, $"seeDoctor '{trigger.SeeDoctor}' is not one of: {string.Join(", ", SeeDoctorLevels.RuleLevels)}");
        }

        if (trigger.SeeDoctor is not null && trigger.Basis is null)
        {
            Problem(file, label, "a trigger that sets its own seeDoctor must give its basis: the source quote that says how soon");
        }

        if (trigger.Basis is { } basis)
        {
            var quote = QuoteText.CollapseWhitespace(basis.Quote);
            if (!_collapsedTexts.TryGetValue(basis.Source, out var text))
            {
                Problem(file, label, $"basis cites unknown source '{basis.Source}'");
            }
            else if (quote.Length == 0 || !text.Contains(quote, StringComparison.Ordinal))
            {
                Problem(file, label, $"basis quote not found in source '{basis.Source}': \"{Shorten(quote)}\"");
            }
        }

        if (trigger.Note is not null && string.IsNullOrWhiteSpace(trigger.Note))
        {
            Problem(file, label, "note must not be empty; leave it out instead");
        }
    }

    private void CheckPhrases(string file, string label, string field, IReadOnlyList<string>? phrases)
    {
        if (phrases is null)
        {
            return;
        }

        if (phrases.Count == 0)
        {
            Problem(file, label, $"{field} must not be empty; leave it out instead");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var phrase in phrases)
        {
            if (PhraseMatcher.Problem(phrase) is { } problem)
            {
                Problem(file, label, $"{field}: {problem}");
            }
            else if (!seen.Add(string.Join(' ', PhraseMatcher.PhraseWords(phrase))))
            {
                Problem(file, label, $"{field}: '{phrase}' is listed twice");
            }
        }
    }

    private void CheckTriggerAnswer(string file, string label, string name, JsonElement value)
    {
        if (CheckAnswers.Find(name) is not { } answer)
        {
            Problem(file, label, $"unknown answer '{name}'; known: {string.Join(", ", CheckAnswers.All.Select(a => a.Name))}");
            return;
        }

        var values = RedFlagTriggerSeed.AnswerValues(value);
        if (answer.Kind == CheckAnswerKind.YesNo)
        {
            if (value.ValueKind != JsonValueKind.True)
            {
                Problem(file, label, $"answer '{name}' must be true (a trigger tests for a yes, never for a no)");
            }

            return;
        }

        if (values is null || values.Count == 0 || value.ValueKind != JsonValueKind.Array)
        {
            Problem(file, label, $"answer '{name}' must be a non-empty list of {(answer.Kind == CheckAnswerKind.Choice ? "values" : "ids")}");
            return;
        }

        foreach (var v in values)
        {
            if (answer.Kind == CheckAnswerKind.Choice && !answer.Values.Contains(v))
            {
                Problem(file, label, $"answer '{name}' has unknown value '{v}'; known: {string.Join(", ", answer.Values)}");
            }
            else if (answer.Kind == CheckAnswerKind.Records && !answer.LooksUp.Any(kind => RecordExists(kind, v)))
            {
                Problem(file, label, $"answer '{name}' names unknown {string.Join(" or ", answer.LooksUp.Select(k => k.WireName()))} '{v}'");
            }
        }
    }
}
