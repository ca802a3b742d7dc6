using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>A red flag with its triggers, held in memory for the whole life of the process.</summary>
internal sealed record RuleBookEntry(
    string Id, string Name, string Summary, string Urgency, int UrgencyRank,
    IReadOnlyList<Citation> Citations, IReadOnlyList<RuleBookTrigger> Triggers)
{
    public RedFlagRuleSet ToRuleSet() => new(Id, Name, Urgency, Triggers.Select(t => t.Rule).ToList());

    /// <summary>The match for this red flag, or null when none of its triggers holds.</summary>
    public RedFlagMatch? Check(CheckInput input, IReadOnlyList<TextWord> words)
    {
        var reasons = Triggers
            .Select(t => t.Check(input, words))
            .OfType<RedFlagReason>()
            .OrderByDescending(r => SeeDoctorLevels.Rank(r.SeeDoctor))
            .ThenBy(r => r.Trigger)
            .ToList();
        return reasons.Count == 0
            ? null
            : new RedFlagMatch(Id, Name, Urgency, Summary, reasons[0].SeeDoctor, reasons, Citations);
    }
}
