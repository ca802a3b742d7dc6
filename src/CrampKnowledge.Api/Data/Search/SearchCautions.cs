using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.RedFlagChecks;
using RuleWords = CrampKnowledge.Api.Data.RedFlagChecks.PhraseMatcher;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// The caution red flags search puts first, read from the data at start-up: each treatment → caution link
/// (links.json <c>treatmentCautions</c>) with the situations in which the caution applies, taken from the red
/// flag's own rules (red-flag-rules.json) and its name and aliases. A question about the treatment (it names it)
/// that also speaks of one of those situations gets the caution first (<see cref="KnowledgeSearch.Answer"/>).
/// </summary>
public sealed class SearchCautions
{
    private SearchCautions(IReadOnlyList<Caution> all) => All = all;

    internal IReadOnlyList<Caution> All { get; }

    public static SearchCautions Load(KnowledgeSnapshot snapshot, SearchIndex index)
    {
        var rows = index.Rows.Where(r => r.Record is not null).ToDictionary(r => r.Record!.Key, r => r.Number);
        var triggers = snapshot.RedFlagTriggers.ToLookup(t => t.RedFlagId);
        var cautions = new List<Caution>();
        foreach (var link in snapshot.Links.Where(l => l.Kind == LinkKind.TreatmentCaution))
        {
            var (treatment, redFlag) = link.From.Kind == RecordKind.Treatment ? (link.From, link.To) : (link.To, link.From);
            var situations = new List<Situation>();
            foreach (var trigger in triggers[redFlag.Key])
            {
                // A trigger that needs an answer search cannot have (a recent injury, a condition) is not a situation a
                // question can state; "treatments: [this one]" is what naming the treatment says.
                if (!trigger.Answers.All(a => a.Answer == CheckAnswers.Treatments && a.Values.Contains(treatment.Id)))
                {
                    continue;
                }

                // Phrases say what a question must say; a trigger without them would fire on any question that names
                // the treatment by a word it shares with others ("water pills" → medications → "Muscle relaxant medication").
                var groups = new[] { trigger.Phrases, trigger.AlsoPhrases }
                    .Where(g => g.Count > 0)
                    .Select(g => g.Select(SituationWords).Where(w => w.Length > 0).ToArray())
                    .ToArray();
                if (groups.Length > 0 && groups.All(g => g.Length > 0))
                {
                    situations.Add(new Situation(groups));
                }
            }

            foreach (var name in redFlag.Aliases.Prepend(redFlag.Name))
            {
                if (SituationWords(name) is { Length: > 0 } words)
                {
                    situations.Add(new Situation([[words]]));
                }
            }

            cautions.Add(new Caution(rows[treatment.Key], rows[redFlag.Key], situations));
        }

        return new SearchCautions(cautions);
    }

    /// <summary>
    /// A rule phrase's words without stop words and gaps: "hurt my calf" is said when "hurt" and "calf" are. A negation
    /// stays: "stretching doesn't help" is not said by "does stretching help".
    /// </summary>
    private static string[] SituationWords(string phrase) =>
        RuleWords.PhraseWords(phrase)
            .Where(w => w != RuleWords.Gap && (!SearchVocabulary.StopWords.Contains(w) || SearchVocabulary.NegatedVerbs.Contains(w)))
            .Distinct()
            .ToArray();

    /// <summary>A treatment, the caution red flag that limits it, and the situations in which it does.</summary>
    internal sealed record Caution(int TreatmentRow, int RedFlagRow, IReadOnlyList<Situation> Situations)
    {
        /// <summary>True when the question's words state one of the situations.</summary>
        public bool IsSpokenOf(IReadOnlyList<string> words)
        {
            foreach (var situation in Situations)
            {
                if (situation.IsSpokenOf(words))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Groups of phrases, each phrase as its words: the situation is stated when, in every group, some phrase has all
    /// its words among the question's (any order, any inflection).
    /// </summary>
    internal sealed record Situation(string[][][] Groups)
    {
        public bool IsSpokenOf(IReadOnlyList<string> words)
        {
            foreach (var group in Groups)
            {
                if (!Array.Exists(group, phrase => Array.TrueForAll(phrase, w => Contains(words, w))))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Contains(IReadOnlyList<string> words, string phraseWord)
        {
            foreach (var word in words)
            {
                if (RuleWords.SameWord(word, phraseWord))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
