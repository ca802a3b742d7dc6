using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// Every red flag's rules, read from the database once at start-up. The content is immutable per
/// version, so a check runs entirely in memory and never queries.
/// </summary>
internal sealed class RedFlagRuleBook
{
    private RedFlagRuleBook(IReadOnlyList<RuleBookEntry> entries) => Entries = entries;

    public IReadOnlyList<RuleBookEntry> Entries { get; }

    /// <summary>Every matching red flag, most pressing first; none is ever left out.</summary>
    public IReadOnlyList<RedFlagMatch> Check(CheckInput input)
    {
        var words = PhraseMatcher.Words(input.Description);
        return Entries
            .Select(e => (Entry: e, Match: e.Check(input, words)))
            .Where(m => m.Match is not null)
            .OrderByDescending(m => SeeDoctorLevels.Rank(m.Match!.SeeDoctor))
            .ThenByDescending(m => m.Entry.UrgencyRank)
            .ThenBy(m => m.Entry.Name, StringComparer.Ordinal)
            .Select(m => m.Match!)
            .ToList();
    }

    public static RedFlagRuleBook Load(KnowledgeSnapshot snapshot)
    {
        var sourceTitles = snapshot.Sources.ToDictionary(s => s.Id, s => s.Title);
        var triggers = snapshot.RedFlagTriggers
            .OrderBy(t => t.Position)
            .ToLookup(t => t.RedFlagId);
        var redFlags = snapshot.RecordsOf(RecordKind.RedFlag)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new
            {
                Id = r.Key, Slug = r.Id, r.Name, r.Summary, Urgency = r.Urgency!, r.UrgencyRank, r.Citations,
            })
            .ToList();

        return new RedFlagRuleBook(redFlags.Select(r => new RuleBookEntry(
            r.Slug, r.Name, r.Summary, r.Urgency, r.UrgencyRank, r.Citations,
            triggers[r.Id].Select((t, i) =>
            {
                var phrases = TriggerColumns.ReadPhrases(t.PhrasesJson);
                var alsoPhrases = TriggerColumns.ReadPhrases(t.AlsoPhrasesJson);
                var basis = t.BasisSourceId is { } source && t.BasisQuote is { } quote
                    ? new RuleBasis(source, sourceTitles.GetValueOrDefault(source, source), quote)
                    : null;
                var rule = new TriggerRule(i + 1, phrases, alsoPhrases, TriggerColumns.ReadAnswers(t.AnswersJson), t.SeeDoctor, basis, t.Note);
                return new RuleBookTrigger(rule, phrases.Select(CheckPhrase.From).ToList(), alsoPhrases.Select(CheckPhrase.From).ToList());
            }).ToList())).ToList());
    }
}
