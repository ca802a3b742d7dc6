namespace CrampKnowledge.Api.Data.Entities;

/// <summary>
/// One trigger of a red flag's rules (seed-data/red-flag-rules.json). The phrase and answer lists are
/// JSON text because EF Core 6 has no JSON or primitive-collection columns; they are only ever read
/// whole, once, into the in-memory rule book.
/// </summary>
public sealed class RedFlagTrigger
{
    public int Id { get; set; }
    public int RedFlagId { get; set; }
    public RedFlag RedFlag { get; set; } = null!;
    public int Position { get; set; }
    public required string PhrasesJson { get; set; }
    public required string AlsoPhrasesJson { get; set; }
    public required string AnswersJson { get; set; }

    /// <summary>The trigger's own level, or else the one its red flag's urgency implies.</summary>
    public required string SeeDoctor { get; set; }

    public string? BasisSourceId { get; set; }
    public string? BasisQuote { get; set; }
    public string? Note { get; set; }
}
