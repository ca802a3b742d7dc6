using System.Text.Json;
using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>How a trigger's lists are written to and read from their JSON text columns.</summary>
internal static class TriggerColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string WritePhrases(IReadOnlyList<string> phrases) => JsonSerializer.Serialize(phrases, Json);

    public static IReadOnlyList<string> ReadPhrases(string json) =>
        JsonSerializer.Deserialize<List<string>>(json, Json) ?? [];

    public static string WriteAnswers(IReadOnlyList<AnswerCondition> answers) => JsonSerializer.Serialize(answers, Json);

    public static IReadOnlyList<AnswerCondition> ReadAnswers(string json) =>
        JsonSerializer.Deserialize<List<AnswerCondition>>(json, Json) ?? [];
}
