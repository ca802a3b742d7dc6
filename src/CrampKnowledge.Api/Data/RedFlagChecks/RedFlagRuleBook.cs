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
        List<RuleBookEntry> entries, PhraseIndex phrases, (TimePhrase Phrase, int[] Words)[] times, (RecordMention Mention, int[] Words)[] mentions)
    {
        Entries = entries;
        Phrases = phrases;
        Described = new DescribedAnswers(times, mentions, Phrases.PhraseWordCount);
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

        // Every trigger's phrases, then the time phrases, then the mentions: the order the index numbers their words in. Only
        // the numbers are kept: the phrases as words kept 16.5 MB alive at 100 times today's content, read by no check.
        var spellings = RecordMention.From(snapshot).ToList();
        var words = new PhraseIndexBuilder(snapshot.RedFlagTriggers.Sum(t => t.Phrases.Count + t.AlsoPhrases.Count) + spellings.Count);
        var entries = new List<RuleBookEntry>();
        foreach (var (redFlag, triggers) in InBookOrder(snapshot))
        {
            var compiled = new List<RuleBookTrigger>();
            foreach (var t in triggers)
            {
                var basis = t.BasisSourceId is { } source && t.BasisQuote is { } quote
                    ? new RuleBasis(source, sourceTitles.GetValueOrDefault(source, source), quote)
                    : null;
                var rule = new TriggerRule(compiled.Count + 1, t.Phrases, t.AlsoPhrases, t.Answers.ConvertAll(a => new AnswerCondition(a.Answer, a.Values)), t.SeeDoctor, basis, t.Note);
                compiled.Add(new RuleBookTrigger(rule) { CompiledPhrases = Compile(t.Phrases, words), CompiledAlsoPhrases = Compile(t.AlsoPhrases, words) });
            }

            entries.Add(new RuleBookEntry(redFlag.Id, redFlag.Name, redFlag.Summary, redFlag.Urgency!, redFlag.UrgencyRank, redFlag.Citations, compiled));
        }

        var times = new (TimePhrase Phrase, int[] Words)[TimePhrases.All.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = (TimePhrases.All[i], words.Add(TimePhrases.All[i].Phrase.Words));
        }

        // Each spelling with words once per answer, the first kept.
        var mentions = new List<(RecordMention Mention, int[] Words)>();
        var said = new Dictionary<string, HashSet<int[]>>(StringComparer.Ordinal);
        foreach (var mention in spellings)
        {
            var mentionWords = words.Add(mention.Text);
            if (mentionWords.Length > 0 && (said.TryGetValue(mention.Answer, out var seen) ? seen : said[mention.Answer] = new(PhraseWordsComparer.Instance)).Add(mentionWords))
            {
                mentions.Add((mention, mentionWords));
            }
        }

        return new RedFlagRuleBook(entries, words.Build(), times, [.. mentions]);
    }

    /// <summary>The red flags by id, each with its triggers by position: the book's order, in which the check vocabulary reads the phrases too.</summary>
    internal static IEnumerable<(SnapshotRecord RedFlag, IEnumerable<RedFlagTrigger> Triggers)> InBookOrder(KnowledgeSnapshot snapshot)
    {
        var triggers = snapshot.RedFlagTriggers.OrderBy(t => t.Position).ToLookup(t => t.RedFlagId);
        return snapshot.RecordsOf(RecordKind.RedFlag)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => (r, triggers[r.Key]));
    }

    private static int[][] Compile(List<string> phrases, PhraseIndexBuilder words)
    {
        var compiled = new int[phrases.Count][];
        for (var i = 0; i < compiled.Length; i++)
        {
            compiled[i] = words.Add(phrases[i]);
        }

        return compiled;
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
