using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>The <c>seeDoctor</c> recommendation, lowest first; a check answers the highest its matches reach.</summary>
public static class SeeDoctorLevels
{
    public const string None = "none";
    public const string Soon = "soon";
    public const string Promptly = "promptly";

    public static readonly IReadOnlyList<string> All = [None, Soon, Promptly];

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [None] = "Nothing matched that a source says needs a doctor. Cautions about a treatment may still be among the matches.",
        [Soon] = "A source says to see a doctor or a specialist about a matched red flag: arrange a visit.",
        [Promptly] = "A source calls consulting a healthcare professional essential, especially in the matched situation: do not wait.",
    };

    public static bool IsLevel(string? level) => level is not null && All.Contains(level);

    /// <summary>0 for none, rising with urgency; unknown levels rank lowest.</summary>
    public static int Rank(string level) => level switch { Promptly => 2, Soon => 1, _ => 0 };

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
}
