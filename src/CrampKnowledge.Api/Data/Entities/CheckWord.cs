namespace CrampKnowledge.Api.Data.Entities;

/// <summary>
/// One entry of seed-data/check-vocabulary.json: an ordinary word the red-flag check understands
/// (<see cref="WordList"/>, with its <see cref="Topic"/>), an ordinary phrase (<see cref="PhraseList"/>),
/// a word that stays unassessed on its own (<see cref="UnassessedList"/>), or a phrase whose words are never
/// understood where it occurs (<see cref="UnassessedPhraseList"/>).
/// </summary>
public sealed class CheckWord
{
    public const string WordList = "word";
    public const string PhraseList = "phrase";
    public const string UnassessedList = "unassessed";
    public const string UnassessedPhraseList = "unassessed-phrase";

    public int Id { get; set; }
    public required string List { get; set; }
    public string? Topic { get; set; }
    public required string Text { get; set; }
    public int Position { get; set; }
}
