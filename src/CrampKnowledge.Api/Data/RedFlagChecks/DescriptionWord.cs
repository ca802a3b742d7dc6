namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// A word of a description: where it stands, the numbers of the phrase words it matches, its
/// <see cref="DescriptionVocabulary"/> entry, what stands between it and the word before, and the
/// negation cue whose scope it lies in.
/// </summary>
internal struct DescriptionWord
{
    /// <summary><see cref="NegatedBy"/> for a word a cue after it denies ("sudden pain? no").</summary>
    public const int NegatedAfter = -2;

    public int Start;
    public int End;
    public int[] PhraseWords;

    /// <summary>Its value when it is a number (digits or a number word); 0 otherwise.</summary>
    public int Number;
    public DescriptionVocabulary.Entry Vocabulary;

    /// <summary>Clause punctuation (<see cref="NegationCues.ClauseBreaks"/>) stands between it and the word before.</summary>
    public bool BreakBefore;

    /// <summary>A question mark or colon stands between it and the word before: it may answer what was asked.</summary>
    public bool AnswerBefore;

    /// <summary>Only an apostrophe stands between it and the word before ("don" ' "t").</summary>
    public bool ApostropheBefore;

    /// <summary>A slash, alone or between spaces, stands between it and the word before ("3x/week").</summary>
    public bool SlashBefore;

    /// <summary>The index of the first word of the earliest negation cue whose scope covers this word, <see cref="NegatedAfter"/>, or -1.</summary>
    public int NegatedBy;

    /// <summary>A contraction's tail ("t" of "don't", "s" of "it's"): not counted as a word of a negation's window.</summary>
    public readonly bool IsTail => ApostropheBefore && (Vocabulary.Roles & WordRoles.ContractionTail) != 0;
}
