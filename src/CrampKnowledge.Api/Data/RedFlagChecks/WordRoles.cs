namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>What a description word does for negation and times; a word may have several roles.</summary>
[Flags]
internal enum WordRoles : ushort
{
    None = 0,
    Cue = 1,

    /// <summary>The first part of a contracted cue ("don" of "don't"): a cue only when an apostrophe and "t" follow.</summary>
    CueStem = 2,
    Terminator = 4,
    And = 8,
    ClauseOpener = 16,
    Activity = 32,
    ContractionTail = 64,

    /// <summary>The "t" of "n't".</summary>
    TailT = 128,
    Determiner = 256,
}
