namespace CrampKnowledge.Api.Data.Entities;

/// <summary>
/// One trigger of a red flag's rules (seed-data/red-flag-rules.json). Its phrase lists are primitive
/// collections and its answers a complex collection, each stored as JSON in the trigger's row: they are
/// only ever read whole, once, into the in-memory rule book.
/// </summary>
public sealed class RedFlagTrigger
{
    public int Id { get; set; }
    public int RedFlagId { get; set; }
    public RedFlag RedFlag { get; set; } = null!;
    public int Position { get; set; }
    public List<string> Phrases { get; set; } = [];
    public List<string> AlsoPhrases { get; set; } = [];
    public List<TriggerAnswer> Answers { get; set; } = [];

    /// <summary>The trigger's own level, or else the one its red flag's urgency implies.</summary>
    public required string SeeDoctor { get; set; }

    public string? BasisSourceId { get; set; }
    public string? BasisQuote { get; set; }
    public string? Note { get; set; }
}
