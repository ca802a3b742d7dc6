namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// The negation rules the red-flag check reads descriptions with, NegEx-style (Chapman et al. 2001): a
/// rule phrase that stands within <see cref="WindowWords"/> words after a cue, before a scope terminator or
/// clause punctuation, is negated and does not fire. Kept as one table, so a reviewer reads every cue here.
/// </summary>
internal static class NegationCues
{
    /// <summary>NegEx's window: a cue negates at most this many words after it (contraction tails such as the 's of "it's" do not count).</summary>
    public const int WindowWords = 5;

    /// <summary>Characters between two words that end a negation's scope (the clause ends there).</summary>
    public const string ClauseBreaks = ",.;:!?…\n()–—";

    /// <summary>
    /// Post-negation: a cue that stands alone after one of these ("Sudden pain? No.", "Soreness: none") denies the
    /// clause before it, back to that clause's start and at most <see cref="WindowWords"/> words.
    /// </summary>
    public const string AnswerMarks = "?:";

    /// <summary>
    /// Words that negate what follows. "Can't", "cannot", "won't" and "couldn't" are left out on purpose:
    /// in a description they say what the person cannot do ("can't sleep", "won't go away"), which is
    /// the warning sign itself, not its denial.
    /// </summary>
    public static readonly IReadOnlyList<string> Cues =
    [
        "no", "none", "not", "never", "without", "deny", "denies", "denied", "nor", "neither",
        "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't",
    ];

    /// <summary>
    /// A cue followed by these words is no negation ("no idea why my leg hurts when I walk" still says
    /// that it hurts). "No longer" stays a cue: it denies what follows now.
    /// </summary>
    public static readonly IReadOnlyList<string> PseudoNegations =
    [
        "not only", "not just", "not sure", "not certain", "not know", "no doubt", "no idea", "no matter", "no wonder",
        "no better", "not to mention", "don't know", "didn't know", "doesn't matter",
    ];

    /// <summary>Words that end a negation's scope: what comes after them is said on its own ("not frequent but they are severe").</summary>
    public static readonly IReadOnlyList<string> Terminators =
        ["but", "however", "although", "though", "except", "yet", "whereas", "because", "instead", "apart"];

    /// <summary>
    /// "And" ends a scope only before one of these, where it starts a new clause ("not severe and I don't
    /// have sudden pain"); before anything else it joins what the cue denies ("no pain and no cramps").
    /// </summary>
    public static readonly IReadOnlyList<string> ClauseOpeners =
    [
        "i", "my", "it", "its", "they", "their", "them", "the", "this", "that", "these", "those",
        "he", "she", "his", "her", "we", "our", "you", "your", "there", "now", "then", "also", "still",
    ];

    /// <summary>Contraction ends after an apostrophe ("don" ' "t", "it" ' "s"): part of the word before, not words of their own.</summary>
    public static readonly IReadOnlyList<string> ContractionTails = ["t", "s", "m", "re", "ve", "ll", "d"];
}
