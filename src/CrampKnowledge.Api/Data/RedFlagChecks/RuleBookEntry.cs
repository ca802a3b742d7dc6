using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>A red flag with its triggers, held in memory for the whole life of the process.</summary>
internal sealed record RuleBookEntry(
    string Id, string Name, string Summary, string Urgency, int UrgencyRank,
    IReadOnlyList<Citation> Citations, IReadOnlyList<RuleBookTrigger> Triggers)
{
    public RedFlagRuleSet ToRuleSet() => new(Id, Name, Urgency, Triggers.Select(t => t.Rule).ToList());

    /// <summary>The match for this red flag, or null when none of its triggers holds.</summary>
    public RedFlagMatch? Check(CheckInput input, FoundPhrases found)
    {
        List<RedFlagReason>? reasons = null;
        for (var i = 0; i < Triggers.Count; i++)
        {
            if (Triggers[i].Check(input, found) is { } reason)
            {
                (reasons ??= []).Add(reason);
            }
        }

        if (reasons is null)
        {
            return null;
        }

        reasons.Sort(MostPressingFirst);
        return new RedFlagMatch(Id, Name, Urgency, Summary, reasons[0].SeeDoctor, reasons, Citations);
    }

    // Trigger numbers are unique within a red flag, so this unstable sort orders as a stable one would.
    private static int MostPressingFirst(RedFlagReason a, RedFlagReason b)
    {
        var bySeeDoctor = SeeDoctorLevels.Rank(b.SeeDoctor).CompareTo(SeeDoctorLevels.Rank(a.SeeDoctor));
        return bySeeDoctor != 0 ? bySeeDoctor : a.Trigger.CompareTo(b.Trigger);
    }
}
