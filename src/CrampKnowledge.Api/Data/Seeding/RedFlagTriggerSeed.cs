using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>Turns the validated triggers of red-flag-rules.json into rows.</summary>
internal static class RedFlagTriggerSeed
{
    public static IEnumerable<RedFlagTrigger> ToEntities(SeedDataset seed, IReadOnlyDictionary<(RecordKind, string), KnowledgeRecord> records)
    {
        var urgencyLevels = seed.Vocabulary.Urgencies.ToDictionary(u => u.Id, u => u.SeeDoctor ?? SeeDoctorLevels.None);
        foreach (var rule in seed.RedFlagRules)
        {
            var redFlag = (RedFlag)records[(RecordKind.RedFlag, rule.RedFlag)];
            foreach (var (trigger, position) in rule.Triggers.Select((t, i) => (t, i)))
            {
                yield return new RedFlagTrigger
                {
                    RedFlag = redFlag,
                    Position = position,
                    Phrases = [.. trigger.Phrases ?? []],
                    AlsoPhrases = [.. trigger.AlsoPhrases ?? []],
                    Answers = (trigger.Answers ?? new Dictionary<string, JsonElement>())
                        .Select(a => new TriggerAnswer { Answer = a.Key, Values = [.. AnswerValues(a.Value) ?? []] }).ToList(),
                    SeeDoctor = trigger.SeeDoctor ?? urgencyLevels[redFlag.Urgency],
                    BasisSourceId = trigger.Basis?.Source,
                    BasisQuote = trigger.Basis is { } basis ? QuoteText.CollapseWhitespace(basis.Quote) : null,
                    Note = trigger.Note,
                };
            }
        }
    }

    /// <summary>An answer's accepted values: <c>true</c> as "true", a list of strings as itself; null for anything else.</summary>
    public static IReadOnlyList<string>? AnswerValues(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => ["true"],
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            value.EnumerateArray().Select(v => v.GetString()!).ToList(),
        _ => null,
    };
}
