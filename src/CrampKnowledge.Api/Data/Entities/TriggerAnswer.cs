namespace CrampKnowledge.Api.Data.Entities;

/// <summary>An answer a red-flag trigger needs (<see cref="Answer"/> is one of the values listed), stored inside its trigger.</summary>
public sealed class TriggerAnswer
{
    public required string Answer { get; set; }
    public List<string> Values { get; set; } = [];
}
