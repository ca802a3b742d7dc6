using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// The <c>seeDoctor</c> recommendation, lowest first. Rules give none, soon or promptly; a check answers the
/// highest its matches reach, and <see cref="Unknown"/> instead of none when the description says something no rule can assess.
/// </summary>
public static class SeeDoctorLevels
{
    public const string None = "none";
    public const string Unknown = "unknown";
    public const string Soon = "soon";
    public const string Promptly = "promptly";

    /// <summary>Every level a check may answer, lowest first.</summary>
    public static readonly IReadOnlyList<string> All = [None, Unknown, Soon, Promptly];

    /// <summary>The levels a rule (a trigger or an urgency) may give: unknown is the check's own answer, never a rule's.</summary>
    public static readonly IReadOnlyList<string> RuleLevels = [None, Soon, Promptly];

    /// <summary>What a check says whenever some words of the description were left unassessed.</summary>
    public const string UnassessedNote =
        "This check knows only the warning signs named in its source articles about leg and foot cramps. "
        + "Some of what was described (listed in unassessed) is outside them, so no match here is not an all-clear. "
        + "Anyone worried about their symptoms should see a doctor or another clinician.";

    /// <summary>
    /// What a check says when it answers none. "none" alone reads as "no need to see a doctor" once a bot relays it, and the
    /// articles never say that: they name some reasons to see one, not every reason. A none may still list cautions (relying on
    /// stretching alone while taking a statin, say), so the note must not say that nothing matched.
    /// </summary>
    public const string NothingMatchedNote =
        "No warning sign this check knows that calls for a doctor matched what was described; any caution in matches still applies. "
        + "That is not an all-clear: the check knows only "
        + "the warning signs named in its source articles about leg and foot cramps, not every reason to see a doctor. "
        + "Anyone worried about their symptoms should see a doctor or another clinician.";

    /// <summary>
    /// What a check says when a condition, medicine or treatment it was given names no record (a typo, or something the articles never
    /// mention). The rules could not weigh it, so nothing matching is no more an all-clear than an unassessed word is.
    /// </summary>
    public const string UnrecognizedNote =
        "Some conditions, medicines or treatments given (listed in unrecognized) are not among those this check knows, so it could not "
        + "weigh them, and no match here is not an all-clear. Check their spelling against the suggestions and ask again. "
        + "Anyone worried about their symptoms should see a doctor or another clinician.";

    /// <summary>
    /// The note a check's answer carries: about unassessed words when there are any, else about unrecognized answers, else about a none;
    /// a check that says to see a doctor, with everything understood, needs none.
    /// </summary>
    public static string? NoteFor(string level, bool anyUnassessed, bool anyUnrecognized) =>
        anyUnassessed ? UnassessedNote : anyUnrecognized ? UnrecognizedNote : level == None ? NothingMatchedNote : null;

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [None] = "Given only when every word of the description was understood (the check's vocabulary, see GET /api/v1/red-flags/rules), "
            + "every condition, medicine and treatment given named a record, and nothing matched that a source says needs a doctor. It is not an all-clear: the check knows only the warning signs its articles name. "
            + "The answer carries the `note` that says so. Cautions about a treatment may still be among the matches.",
        [Unknown] = "The description says something about the person's health that no rule can assess (those words are in `unassessed`), "
            + "or a condition, medicine or treatment given names no record (in `unrecognized`); the answer carries the `note`. Nothing matched that a source says needs a doctor, but that is not an all-clear: "
            + "anyone worried should see a clinician.",
        [Soon] = "A source says to see a doctor or a specialist about a matched red flag: arrange a visit. "
            + "Words no rule could assess are still listed in `unassessed`.",
        [Promptly] = "A source calls consulting a healthcare professional essential, especially in the matched situation: do not wait. "
            + "Words no rule could assess are still listed in `unassessed`.",
    };

    public static bool IsLevel(string? level) => level is not null && All.Contains(level);

    public static bool IsRuleLevel(string? level) => level is not null && RuleLevels.Contains(level);

    /// <summary>0 for none, rising with urgency; unknown levels rank lowest.</summary>
    public static int Rank(string level) => level switch { Promptly => 3, Soon => 2, Unknown => 1, _ => 0 };

    /// <summary>The highest level among the matches (the first of equals), or none; a loop, as it runs per check.</summary>
    public static string Highest(IReadOnlyList<RedFlagMatch> matches)
    {
        var highest = None;
        var highestRank = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            if (Rank(matches[i].SeeDoctor) > highestRank)
            {
                highest = matches[i].SeeDoctor;
                highestRank = Rank(highest);
            }
        }

        return highest;
    }

    /// <summary>
    /// The check's answer: the matches' level when it says to see a doctor; else unknown if anything went unassessed (a word of the
    /// description, or a condition, medicine or treatment that names no record); else none.
    /// </summary>
    public static string Overall(IReadOnlyList<RedFlagMatch> matches, bool anythingUnassessed)
    {
        var highest = Highest(matches);
        return Rank(highest) > Rank(Unknown) ? highest : anythingUnassessed ? Unknown : None;
    }
}
