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
    private readonly string[] _situationWords;
    private readonly Dictionary<int, Caution[]> _byTreatmentRow;

    private SearchCautions(IReadOnlyList<Caution> all, string[] situationWords)
    {
        All = all;
        _situationWords = situationWords;
        _byTreatmentRow = all.GroupBy(c => c.TreatmentRow).ToDictionary(g => g.Key, g => g.ToArray());
    }

    internal IReadOnlyList<Caution> All { get; }

    /// <summary>
    /// The cautions that limit the treatment in this row, in <see cref="All"/>'s order. A question looks up the treatments it
    /// names instead of reading every caution: at 100x content the 400 cautions cost 5 % of a new search (perf, bench/growth.sh's questions).
    /// </summary>
    internal ReadOnlySpan<Caution> OfTreatment(int row) => _byTreatmentRow.TryGetValue(row, out var cautions) ? cautions : [];

    /// <summary>For one question: which situation words it says, each read once however many cautions share it.</summary>
    internal SaidWords Read(IReadOnlyList<string> words) => new(_situationWords, words);

    public static SearchCautions Load(KnowledgeSnapshot snapshot, SearchIndex index)
    {
        var rows = index.Rows.Where(r => r.Record is not null).ToDictionary(r => r.Record!.Key, r => r.Number);
        var triggers = snapshot.RedFlagTriggers.ToLookup(t => t.RedFlagId);
        var cautions = new List<Caution>();
        var wordIds = new Dictionary<string, int>(StringComparer.Ordinal);
        // One string per distinct word: every phrase is split into new strings, and at 100x content the situations' words
        // were about 2.6 MB of copies of the same few hundred words ("hurt" 2,206 times, each copy's code 315 times).
        var words = new StringPool();
        string[] SituationWordsOf(string phrase) => Array.ConvertAll(SituationWords(phrase), words.Share);

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
                    .Select(g => g.Select(SituationWordsOf).Where(w => w.Length > 0).ToArray())
                    .ToArray();
                if (groups.Length > 0 && groups.All(g => g.Length > 0))
                {
                    situations.Add(new Situation(groups) { WordIds = Ids(groups, wordIds) });
                }
            }

            foreach (var name in redFlag.Aliases.Prepend(redFlag.Name))
            {
                if (SituationWordsOf(name) is { Length: > 0 } nameWords)
                {
                    situations.Add(new Situation([[nameWords]]) { WordIds = Ids([[nameWords]], wordIds) });
                }
            }

            cautions.Add(new Caution(rows[treatment.Key], rows[redFlag.Key], situations));
        }

        return new SearchCautions(cautions, [.. wordIds.OrderBy(w => w.Value).Select(w => w.Key)]);
    }

    private static int[][][] Ids(string[][][] groups, Dictionary<string, int> wordIds) =>
        Array.ConvertAll(groups, group => Array.ConvertAll(group, phrase => Array.ConvertAll(phrase, word =>
            wordIds.TryGetValue(word, out var id) ? id : wordIds[word] = wordIds.Count)));

    /// <summary>
    /// A rule phrase's words without stop words and gaps: "hurt my calf" is said when "hurt" and "calf" are. A negation
    /// stays: "stretching doesn't help" is not said by "does stretching help".
    /// </summary>
    private static string[] SituationWords(string phrase) =>
        RuleWords.PhraseWords(phrase)
            .Where(w => w != RuleWords.Gap && (!SearchVocabulary.StopWords.Contains(w) || SearchVocabulary.NegatedVerbs.Contains(w)
                || SearchVocabulary.NegationWords.Contains(w)))
            .Distinct()
            .ToArray();

    /// <summary>A treatment, the caution red flag that limits it, and the situations in which it does.</summary>
    internal sealed record Caution(int TreatmentRow, int RedFlagRow, IReadOnlyList<Situation> Situations)
    {
        /// <summary>True when the question's words state one of the situations.</summary>
        public bool IsSpokenOf(SaidWords said)
        {
            foreach (var situation in Situations)
            {
                if (situation.IsSpokenOf(said))
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
        private readonly int[][][] _wordIds = [];

        /// <summary><see cref="Groups"/> with each word as its number in the cautions' word table.</summary>
        public required int[][][] WordIds
        {
            get => _wordIds;
            init
            {
                _wordIds = value;
                NecessaryWords = value.SelectMany(group => group.Skip(1).Aggregate((IEnumerable<int>)group[0], (words, phrase) => words.Intersect(phrase)))
                    .Distinct().ToArray();
            }
        }

        /// <summary>
        /// Words a question cannot state the situation without: in some group, every phrase holds them. Looked at first, so
        /// a synthetic copy's own word ("syn050") rules its situations out at a glance.
        /// </summary>
        private int[] NecessaryWords { get; init; } = [];

        public bool IsSpokenOf(SaidWords said)
        {
            foreach (var word in NecessaryWords)
            {
                if (!said.IsSaid(word))
                {
                    return false;
                }
            }

            foreach (var group in _wordIds)
            {
                if (!AnyPhraseSaid(group, said))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool AnyPhraseSaid(int[][] group, SaidWords said)
        {
            foreach (var phrase in group)
            {
                var all = true;
                for (var i = 0; i < phrase.Length && all; i++)
                {
                    all = said.IsSaid(phrase[i]);
                }

                if (all)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Whether a question says each situation word (any order, any inflection), worked out when first asked: copies of a
    /// caution share their words, so a question naming many treatments reads each word once.
    /// </summary>
    internal sealed class SaidWords(string[] situationWords, IReadOnlyList<string> words)
    {
        // Per word of the table: 0 not read yet, 1 said, 2 not said.
        private readonly byte[] _said = new byte[situationWords.Length];

        public bool IsSaid(int word)
        {
            if (_said[word] == 0)
            {
                _said[word] = Contains(words, situationWords[word]) ? (byte)1 : (byte)2;
            }

            return _said[word] == 1;
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
