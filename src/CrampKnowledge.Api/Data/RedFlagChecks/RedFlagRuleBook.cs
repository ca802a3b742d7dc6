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
    private RedFlagRuleBook(IReadOnlyList<RuleBookEntry> entries, IReadOnlyList<RecordMention> mentions)
    {
        var phrases = new PhraseIndex(entries.SelectMany(e => e.Triggers).SelectMany(t => t.Phrases.Concat(t.AlsoPhrases))
            .Concat(DescribedAnswers.PhrasesOf(TimePhrases.All, mentions)));
        Phrases = phrases;
        Described = new DescribedAnswers(TimePhrases.All, mentions, phrases);
        Entries = entries.Select(e => e with
        {
            Triggers = e.Triggers.Select(t => t with
            {
                CompiledPhrases = t.Phrases.Select(phrases.Compiled).ToArray(),
                CompiledAlsoPhrases = t.AlsoPhrases.Select(phrases.Compiled).ToArray(),
            }).ToList(),
        }).ToList();
        Candidates = new CandidateIndex(Entries, phrases.PhraseWordCount);
    }

    /// <summary>Which red flags a check must test, from what the description says and which answers it gives.</summary>
    public CandidateIndex Candidates { get; }

    public IReadOnlyList<RuleBookEntry> Entries { get; }

    /// <summary>Every phrase of every trigger, compiled once so a check reads the description once.</summary>
    public PhraseIndex Phrases { get; }

    /// <summary>The answers a description gives in its own words (times, conditions and medicines it names).</summary>
    public DescribedAnswers Described { get; }

    /// <summary>
    /// Every matching red flag for the answers as given, most pressing first; the description is read for the
    /// rules' phrases only. The check endpoint first adds the description's own answers (<see cref="Described"/>).
    /// </summary>
    public IReadOnlyList<RedFlagMatch> Check(CheckInput input)
    {
        using var found = Phrases.Read(input.Description);
        return Check(input, found);
    }

    /// <summary>Every matching red flag, most pressing first; none is ever left out.</summary>
    public IReadOnlyList<RedFlagMatch> Check(CheckInput input, FoundPhrases found)
    {
        var matches = new List<(RedFlagMatch Match, RuleBookEntry Entry, int Position)>();
        foreach (var position in Candidates.Of(input, found))
        {
            if (Entries[position].Check(input, found) is { } match)
            {
                matches.Add((match, Entries[position], position));
            }
        }

        matches.Sort(MostPressingFirst);
        return matches.ConvertAll(m => m.Match);
    }

    public static RedFlagRuleBook Load(KnowledgeSnapshot snapshot)
    {
        var sourceTitles = snapshot.Sources.ToDictionary(s => s.Id, s => s.Title);
        var phrases = new CheckPhraseCache();
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
                var basis = t.BasisSourceId is { } source && t.BasisQuote is { } quote
                    ? new RuleBasis(source, sourceTitles.GetValueOrDefault(source, source), quote)
                    : null;
                var rule = new TriggerRule(i + 1, t.Phrases, t.AlsoPhrases, t.Answers.ConvertAll(a => new AnswerCondition(a.Answer, a.Values)), t.SeeDoctor, basis, t.Note);
                return new RuleBookTrigger(rule, t.Phrases.ConvertAll(phrases.From), t.AlsoPhrases.ConvertAll(phrases.From));
            }).ToList())).ToList(), RecordMention.From(snapshot, phrases).ToList());
    }

    // By seeDoctor, then urgency, then name; the position keeps the book's order for full ties, as a stable sort would.
    private static int MostPressingFirst(
        (RedFlagMatch Match, RuleBookEntry Entry, int Position) a, (RedFlagMatch Match, RuleBookEntry Entry, int Position) b)
    {
        var order = SeeDoctorLevels.Rank(b.Match.SeeDoctor).CompareTo(SeeDoctorLevels.Rank(a.Match.SeeDoctor));
        order = order != 0 ? order : b.Entry.UrgencyRank.CompareTo(a.Entry.UrgencyRank);
        order = order != 0 ? order : string.CompareOrdinal(a.Entry.Name, b.Entry.Name);
        return order != 0 ? order : a.Position.CompareTo(b.Position);
    }
}
