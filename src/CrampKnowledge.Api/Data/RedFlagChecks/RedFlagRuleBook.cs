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
    private RedFlagRuleBook(
        IReadOnlyList<RuleBookEntry> entries, IReadOnlyList<(RecordMention Mention, IReadOnlyList<string> Words)> mentions, PhraseWordsCache words)
    {
        // Every trigger's phrases, then the time phrases, then the mentions: the order the index numbers their words in. Only
        // the numbers are kept: the phrases as words kept 16.5 MB alive at 100 times today's content, read by no check.
        var phrases = new List<IReadOnlyList<string>>();
        foreach (var trigger in entries.SelectMany(e => e.Triggers))
        {
            phrases.AddRange(trigger.Rule.Phrases.Select(words.Of));
            phrases.AddRange(trigger.Rule.AlsoPhrases.Select(words.Of));
        }

        phrases.AddRange(TimePhrases.All.Select(t => t.Phrase.Words));
        phrases.AddRange(mentions.Select(m => m.Words));
        Phrases = PhraseIndex.Compile(phrases, out var compiled);

        var next = 0;
        int[][] Take(int count)
        {
            var taken = compiled[next..(next + count)];
            next += count;
            return taken;
        }

        var compiledEntries = new List<RuleBookEntry>(entries.Count);
        foreach (var entry in entries)
        {
            var triggers = new List<RuleBookTrigger>(entry.Triggers.Count);
            foreach (var trigger in entry.Triggers)
            {
                var compiledPhrases = Take(trigger.Rule.Phrases.Count);
                triggers.Add(trigger with { CompiledPhrases = compiledPhrases, CompiledAlsoPhrases = Take(trigger.Rule.AlsoPhrases.Count) });
            }

            compiledEntries.Add(entry with { Triggers = triggers });
        }

        Entries = compiledEntries;
        var times = Take(TimePhrases.All.Count);
        var mentionWords = Take(mentions.Count);
        Described = new DescribedAnswers(
            [.. TimePhrases.All.Select((t, i) => (t, times[i]))], [.. mentions.Select((m, i) => (m.Mention, mentionWords[i]))], Phrases.PhraseWordCount);
        Candidates = new CandidateIndex(Entries, Phrases.PhraseWordCount);
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
        var words = new PhraseWordsCache();
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
                return new RuleBookTrigger(rule);
            }).ToList())).ToList(), RecordMention.From(snapshot, words).ToList(), words);
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
