using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.Seeding;

// The shapes of the JSON files in seed-data/ (see seed-data/README.md). They are the seed's
// contract, kept together like a resource's contracts; only the builder turns them into entities.

internal sealed record SeedSource(string Id, string File, string Title, string? Publisher, string Kind, string Summary, string Sha256);

internal sealed record SeedCitation(string Source, string Quote, string Certainty, string CertaintyPhrase);

internal sealed record SeedRecord(
    string Id, string Name, IReadOnlyList<string> Aliases, string Category, string Summary,
    IReadOnlyList<SeedCitation> Citations, string? Urgency = null);

/// <summary>
/// One link; each list in links.json uses two of the four ends. <c>basis</c> is the curator's note on why the
/// quotes connect the two ends when no quote names both (see seed-data/README.md).
/// </summary>
internal sealed record SeedLink(
    IReadOnlyList<SeedCitation> Citations,
    string? Cause = null, string? Treatment = null, string? Prevention = null, string? RedFlag = null, string? Basis = null);

internal sealed record SeedLinks(
    IReadOnlyList<SeedLink> CauseTreatments, IReadOnlyList<SeedLink> CausePreventions,
    IReadOnlyList<SeedLink> CauseRedFlags, IReadOnlyList<SeedLink> TreatmentCautions);

internal sealed record SeedConcern(string Type, string Id);

internal sealed record SeedSide(string Position, IReadOnlyList<SeedCitation> Citations);

internal sealed record SeedContestedPoint(
    string Id, string Topic, string Summary, IReadOnlyList<SeedConcern> Concerns, IReadOnlyList<SeedSide> Sides);

/// <summary>Everyday words (<c>words</c>) that search should also look up as the knowledge base's terms (<c>means</c>).</summary>
internal sealed record SeedSynonym(IReadOnlyList<string> Words, IReadOnlyList<string> Means);

/// <summary>A vocabulary term; urgencies also say how soon to see a doctor (<c>seeDoctor</c>) when a red flag matches.</summary>
internal sealed record SeedTerm(string Id, string Name, string Description, int Rank = 0, string? SeeDoctor = null);

/// <summary>The rules of one red flag in red-flag-rules.json: it matches when any trigger matches.</summary>
internal sealed record SeedRedFlagRule(string RedFlag, IReadOnlyList<SeedTrigger> Triggers);

/// <summary>
/// One trigger: every part it has must hold. <c>answers</c> values stay JSON (<c>true</c> or a list of
/// strings) so the validator can say exactly what is wrong with them.
/// </summary>
internal sealed record SeedTrigger(
    IReadOnlyList<string>? Phrases = null, IReadOnlyList<string>? AlsoPhrases = null,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Answers = null,
    string? SeeDoctor = null, SeedBasis? Basis = null, string? Note = null);

/// <summary>The source words a trigger rests on; the quote is checked against the article like any citation.</summary>
internal sealed record SeedBasis(string Source, string Quote);

internal sealed record SeedVocabulary(
    IReadOnlyDictionary<string, IReadOnlyList<SeedTerm>> Categories, IReadOnlyList<SeedTerm> SourceKinds,
    IReadOnlyList<SeedTerm> Urgencies, IReadOnlyList<SeedTerm> Certainties);

/// <summary>
/// check-vocabulary.json: the ordinary words the red-flag check understands, by topic; ordinary phrases that
/// are understood whole; words that stay unassessed on their own wherever else they occur; and phrases of
/// ordinary words that say something no rule assesses ("can't feel"), whose words are never understood there.
/// </summary>
internal sealed record SeedCheckVocabulary(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Words, IReadOnlyList<string> Phrases, IReadOnlyList<string> Unassessed,
    IReadOnlyList<string> UnassessedPhrases);

/// <summary>Everything read from seed-data/, parsed; <see cref="SeedDataValidator"/> decides whether it is usable.</summary>
internal sealed record SeedDataset(
    IReadOnlyList<SeedSource> Sources, IReadOnlyDictionary<string, string> SourceTexts, SeedVocabulary Vocabulary,
    IReadOnlyDictionary<RecordKind, IReadOnlyList<SeedRecord>> Records, SeedLinks Links,
    IReadOnlyList<SeedContestedPoint> Contested)
{
    public IReadOnlyList<SeedSynonym> Synonyms { get; init; } = [];

    public IReadOnlyList<SeedRedFlagRule> RedFlagRules { get; init; } = [];

    public SeedCheckVocabulary CheckVocabulary { get; init; } = new(new Dictionary<string, IReadOnlyList<string>>(), [], [], []);
}
