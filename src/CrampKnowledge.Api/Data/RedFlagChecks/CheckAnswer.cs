using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// One structured answer the red-flag check accepts. <see cref="Values"/> are the allowed values of a
/// choice (<c>true</c> for a yes/no); <see cref="LooksUp"/> says where the words of a list answer are
/// looked up, in order.
/// </summary>
public sealed record CheckAnswer(
    string Name, CheckAnswerKind Kind, string Label, string Description,
    IReadOnlyList<string> Values, IReadOnlyList<RecordKind> LooksUp);
