using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// Turns a person's words into a search plan: drops filler words, adds the knowledge base's terms
/// for everyday words (seed-data/synonyms.json), strips word endings and matches prefixes. Also
/// knows every word the knowledge base uses, to suggest spellings when nothing matches.
/// </summary>
public sealed class SearchVocabulary
{

    // The halves of "don't", "doesn't"...: no meaning to search, but a caution's situation may need them ("stretching doesn't help").
    internal static readonly string[] NegatedVerbs =
        ["don", "doesn", "didn", "isn", "aren", "wasn", "weren", "haven", "hasn", "hadn", "won", "wouldn", "shouldn", "couldn", "t"];

    // Negation says how the person relates to the subject, not what it is. As rare words in the articles they outranked it:
    // "no potassium in my diet" ranked two records that say "no" above low potassium. Search does not read what a negation
    // denies (in cramp questions it often states the cause: "I don't drink enough"); a caution's situation still needs them.
    internal static readonly string[] NegationWords = ["no", "not", "nor", "never", "none", "nothing", "without", "neither"];

    // Words that carry no meaning in a question about cramps ("why do my legs cramp at night").
    internal static readonly HashSet<string> StopWords =
    [
        "a", "about", "after", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do",
        "does", "doing", "during", "for", "from", "get", "gets", "getting", "got", "had", "has", "have", "having", "how", "i", "if", "in",
        "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "should", "so", "some", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "to", "up", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "why", "will", "with", "would", "you", "your", "keep", "lot", "lots", "very", "really", "much", "many",
        "now", "right", "just", "also", "still", "please", "tell", "know", "want", "need", "anything", "something",
        // "What should I take", "can I take ibuprofen": the light verb of a question, not a word of its subject. As a
        // rare word in the articles it outweighed the subject: "what dose of magnesium should I take" ranked four
        // records that say "take" (breaks, muscle relaxants) above every magnesium record.
        "take", "takes", "taking", "took",
        // Modal verbs, as "could" and "would" are: "magnesium might help" matched the quotes that hedge with "might" or "may".
        "might", "may", "must",
        .. NegationWords,
        // Counts and "only" ("cramps in one leg", "for two weeks", "one foot only"): as words of the articles they matched
        // passages at random ("one can", "at one time"). Synonyms still read them ("two weeks" → persistent).
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "only",
        // Units of time ("cramps 3x a week", "in the first month"): no article says them, so as a specific word each left
        // the question without hits. They say when or how often, not what about: synonyms read them ("for months" → persist,
        // "nights a week" → frequent).
        "week", "weeks", "fortnight", "month", "months", "year", "years",
        // Connectives ("cramps even though I drink lots of water", "I can't sleep because of cramps"): as words of the articles
        // they matched passages at random.
        "because", "even", "though", "although",
        // What is left of a contraction once the apostrophe splits it: I'm, it's, I've, I'll, they're, and NegatedVerbs.
        "m", "s", "ve", "ll", "re", .. NegatedVerbs,
    ];

    // Words that ask for causes rather than name one (GenericWords, CauseWords).
    private static readonly string[] CauseNouns = ["cause", "causes", "caused", "causing", "reason", "reasons"];

    // Words almost every question about cramps contains: where a cramp is and what it feels like. They never make a
    // hit on their own when the question says anything else ("cramp in my thigh" must not list every cramp record);
    // a question of these words alone searches them, in names and aliases (KnowledgeSearch.Answer).
    // Not here: words that tell records apart ("sore" is a red flag's, "tight", "stiff", "tired" are causes', "thigh",
    // "toes" and "arch" are places only some records name), nor words of the red-flag rules' situations ("injury").
    internal static readonly HashSet<string> GenericWords =
    [
        "leg", "legs", "foot", "feet", "calf", "calves", "cramp", "cramps", "cramped", "cramping", "crampy",
        "muscle", "muscles", "muscular", "spasm", "spasms", "pain", "pains", "painful", "hurt", "hurts", "hurting",
        "ache", "aches", "aching", "achy",
        // Asking for causes names no subject ("what causes leg cramps"): as a word of the articles it reached a few records that
        // happen to say "causes" (AsksForCauses answers such a question with the causes).
        .. CauseNouns,
    ];

    // A question asking why, or what causes its cramps. When it names nothing specific ("why do I get leg cramps", "causes of
    // leg cramps") the answer is the cause records: it listed three records that name "cramps" or "causing", with scores of 0.
    private static readonly HashSet<string> CauseWords = ["why", .. CauseNouns];

    // Words that ask whether something works ("does magnesium help"): specific only when the question says nothing else
    // specific. As words of the articles, with their synonyms (relieve, ease, treat), they are in most treatment records and
    // outranked the subject: "does magnesium help" listed ten heat, stretching and fluid records and no magnesium record.
    // "Does pickle juice work" listed three stretching and overuse records whose quotes say "work", about nothing asked.
    // "Is magnesium good for leg cramps" listed a balanced diet and footwear first, whose quotes say "good".
    internal static readonly HashSet<string> AskingWords =
        ["help", "helps", "helped", "helping", "helpful", "work", "works", "worked", "working", "good"];

    // A question asks how to stop a cramp now when it says so with one of these words ("how do I stop a cramp right
    // now", "relieve a cramp", "what to do during a cramp") and none of PreventionWords. Read over all its words,
    // stop words included ("now"): the plan's phrases are not changed by them.
    internal static readonly HashSet<string> ReliefWords =
    [
        "stop", "stopping", "relieve", "relieves", "relieving", "relief", "ease", "easing", "during", "now", "immediately",
        "instantly", "instant", "quick", "quickly", "fast", "rid", "release", "loosen",
    ];

    // "how to prevent cramps", "avoid cramps in the future", "stop getting cramps": the question is about next time.
    internal static readonly HashSet<string> PreventionWords =
    [
        "prevent", "prevents", "preventing", "prevention", "avoid", "avoiding", "future", "again", "anymore",
    ];

    // Who said it, at the start of a question ("my doctor said magnesium might help my night cramps", "I read that stretching
    // helps", "someone told me magnesium helps"): no part of what is asked. Searched, "doctor" (with specialist, medical
    // attention) put the medical-evaluation record first and no magnesium record in the first ten, and "read" and "told"
    // were named as words nothing mentions. The frame's last word must stand among the first ReportingFrameWords words.
    internal static readonly HashSet<string> ReportingWords =
    [
        "said", "says", "told", "tells", "heard", "hears", "read", "reads", "think", "thinks", "thought", "believe", "believes",
        "believed", "reckon", "reckons", "suggested", "suggests", "recommended", "recommends", "mentioned", "claims", "claimed",
        "wonder", "wondering", "wondered",
    ];

    internal const int ReportingFrameWords = 4;

    // After "stop", these make it prevention: "stop getting cramps", "stop having cramps".
    private static readonly HashSet<string> OngoingWords = ["getting", "having", "keep", "keeps"];

    // After "at", "every", "each" or "most": a time that recurs (SaysHowOften).
    private static readonly HashSet<string> RecurringTimes = ["night", "nights", "day", "days", "morning", "mornings", "evening", "evenings", "time"];

    // Up to three words before "stop", these say the cramp does not stop ("my cramp won't stop", "it doesn't stop"): that
    // is cramps persisting, not a question of how to stop one now, which would put every treatment before the red flags.
    private static readonly HashSet<string> NotStoppingWords = ["t", "not", "never"];

    // Synonym entries in seed order, grouped by phrase; found through the phrase's first word.
    private readonly IReadOnlyList<(string[] Phrase, IReadOnlyList<string> Means)> _synonyms;
    private readonly Dictionary<string, int[]> _synonymsByFirstWord;
    private readonly int[] _synonymsWithoutWords;

    // Per synonym entry, whether it adds specific terms, and which: read once here, not per question.
    private readonly bool[][] _addsSpecific;

    // Per synonym entry, whether its phrase is only asking words (and generic or stop words): "help".
    private readonly bool[] _onlyAsks;
    private readonly IReadOnlyList<string> _knownWords;

    private SearchVocabulary(IReadOnlyList<(string[] Phrase, IReadOnlyList<string> Means)> synonyms, IReadOnlyList<string> knownWords)
    {
        _synonyms = synonyms;
        var numbered = synonyms.Select((s, i) => (s.Phrase, Index: i)).ToList();
        _synonymsByFirstWord = numbered.Where(s => s.Phrase.Length > 0)
            .GroupBy(s => s.Phrase[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Index).ToArray(), StringComparer.Ordinal);
        // A phrase without words is in every query (as it was when every phrase was tried at every position).
        _synonymsWithoutWords = numbered.Where(s => s.Phrase.Length == 0).Select(s => s.Index).ToArray();
        _addsSpecific = synonyms.Select(s => s.Means.Select(m => SaysSomethingSpecific(s.Phrase) && !IsGeneric(Words(m))).ToArray()).ToArray();
        _onlyAsks = synonyms.Select(s => s.Phrase.Any(AskingWords.Contains)
            && s.Phrase.All(w => AskingWords.Contains(w) || GenericWords.Contains(w) || StopWords.Contains(w))).ToArray();
        _knownWords = knownWords;
    }

    public static IReadOnlyList<string> Words(string text) => QueryWords.Read(text);

    public static bool HasWord(string text) => QueryWords.HasWord(text);

    public SearchPlan Plan(string query)
    {
        var words = WithoutReportingFrame(QueryWords.Read(query));
        var significant = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (!IsStopWord(word))
            {
                significant.Add(word);
            }
        }

        if (significant.Count == 0)
        {
            significant.AddRange(words);
        }

        // Beside each term: whether it says something specific (not only generic words, and not added only by generic
        // words: "spasm" → cramp), and the question's words it stands for, for unmatchedTerms.
        var terms = new List<string>(significant.Count + 4);
        var termIsSpecific = new List<bool>(significant.Count + 4);
        var termWords = new List<List<string>>(significant.Count + 4);
        var asksOfSomething = AsksOfSomething(significant);
        foreach (var word in significant)
        {
            if (AddOnce(terms, word))
            {
                termIsSpecific.Add(!GenericWords.Contains(word) && !(asksOfSomething && AskingWords.Contains(word)));
                termWords.Add([word]);
            }
        }

        foreach (var synonym in SynonymsIn(words))
        {
            var (phrase, means) = _synonyms[synonym];
            for (var m = 0; m < means.Count; m++)
            {
                var meaning = means[m];
                if (significant.Contains(meaning))
                {
                    continue;
                }

                if (AddOnce(terms, meaning))
                {
                    termIsSpecific.Add(false);
                    termWords.Add([]);
                }

                var term = terms.IndexOf(meaning);
                termIsSpecific[term] |= _addsSpecific[synonym][m] && !(asksOfSomething && _onlyAsks[synonym]);
                foreach (var word in phrase)
                {
                    if (significant.Contains(word) && !termWords[term].Contains(word))
                    {
                        termWords[term].Add(word);
                    }
                }
            }
        }

        var alternatives = new List<SearchPhrase>(terms.Count + 1);
        var phraseOfTerm = new int[terms.Count];
        var specific = new List<bool>(terms.Count + 1);
        for (var term = 0; term < terms.Count; term++)
        {
            phraseOfTerm[term] = AddPhrase(alternatives, specific, ToPhrase(terms[term]), termIsSpecific[term]);
        }

        if (significant.Count > 1)
        {
            // The words side by side, as typed, outrank the same words scattered ("low potassium" vs "potassium-lowering").
            // They are words of the query already, so joined they are their own phrase text (ToPhrase would read them again).
            AddPhrase(alternatives, specific, new SearchPhrase(string.Join(' ', significant), IsPrefix: false), !IsGeneric(significant));
        }

        var wordPhrases = new List<WordPhrases>(termWords.Count);
        foreach (var word in significant)
        {
            if (wordPhrases.Exists(w => w.Word == word))
            {
                continue;
            }

            var phrases = new List<int>(2);
            for (var term = 0; term < terms.Count; term++)
            {
                if (termWords[term].Contains(word) && !phrases.Contains(phraseOfTerm[term]))
                {
                    phrases.Add(phraseOfTerm[term]);
                }
            }

            wordPhrases.Add(new WordPhrases(word, [.. phrases]));
        }

        return new SearchPlan(significant, terms, alternatives)
        {
            SubjectPhrases = asksOfSomething ? SubjectPhrases(words, wordPhrases) : [],
            SpecificPhrases = [.. specific], WordPhrases = wordPhrases, AllWords = words, AsksForReliefNow = AsksForReliefNow(words),
            // Only when every term is a generic word: "why do I keep getting leg cramps" adds "frequent", whose red flags it names.
            AsksForCauses = words.Any(CauseWords.Contains) && terms.TrueForAll(GenericWords.Contains),
        };
    }

    /// <summary>
    /// The words after a reporting frame that opens the question ("my doctor said", "I read that", "my friend told me"), when
    /// something other than stop words follows it; otherwise the words as read.
    /// </summary>
    private static List<string> WithoutReportingFrame(List<string> words)
    {
        var frameEnd = -1;
        for (var w = 0; w < Math.Min(words.Count, ReportingFrameWords); w++)
        {
            if (ReportingWords.Contains(words[w]))
            {
                frameEnd = w;
            }
        }

        for (var w = frameEnd + 1; frameEnd >= 0 && w < words.Count; w++)
        {
            if (!IsStopWord(words[w]))
            {
                return words.GetRange(frameEnd + 1, words.Count - frameEnd - 1);
            }
        }

        return words;
    }

    /// <summary>A word of <see cref="StopWords"/>, or a count in digits (<see cref="IsCount"/>).</summary>
    internal static bool IsStopWord(string word) => StopWords.Contains(word) || IsCount(word);

    /// <summary>
    /// A count in digits, "3" or "3x" ("cramps 3x a week"): a stop word, as "three" is. As a term it matched nothing, and a
    /// specific word that matches nothing leaves a question without hits. Synonyms still read it ("3 nights a week").
    /// </summary>
    private static bool IsCount(string word)
    {
        var digits = word.Length > 1 && word[^1] == 'x' ? word.AsSpan(0, word.Length - 1) : word.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>True when a word other than generic and asking words says what the question asks about ("does magnesium help").</summary>
    private static bool AsksOfSomething(List<string> significant)
    {
        foreach (var word in significant)
        {
            if (NamesASubject(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A significant word that is neither generic nor an asking word: what a question is about ("magnesium").</summary>
    private static bool NamesASubject(string word) => !GenericWords.Contains(word) && !AskingWords.Contains(word);

    /// <summary>
    /// What a question asking whether something works asks about: the phrases of its specific words before its last asking
    /// word, with those their synonyms added ("does magnesium help night cramps": magnesium's; "does stretching help or would
    /// magnesium work": both). Searched as phrases, "night" (with nocturnal, sleep and rest cramps) outweighed the subject:
    /// "does magnesium help night cramps" listed the night-cramps cause, stretching before bed and a medical evaluation above
    /// the two magnesium records.
    /// </summary>
    private static int[] SubjectPhrases(List<string> words, List<WordPhrases> wordPhrases)
    {
        var lastAsking = words.Count - 1;
        while (lastAsking >= 0 && !AskingWords.Contains(words[lastAsking]))
        {
            lastAsking--;
        }

        if (lastAsking < 1)
        {
            return [];
        }

        var phrases = new List<int>();
        foreach (var word in wordPhrases)
        {
            var index = words.IndexOf(word.Word);
            if (index >= 0 && index < lastAsking && NamesASubject(word.Word))
            {
                foreach (var phrase in word.Phrases)
                {
                    if (!phrases.Contains(phrase))
                    {
                        phrases.Add(phrase);
                    }
                }
            }
        }

        return [.. phrases];
    }

    /// <summary>True when the words are all generic ("leg cramps"), or there are none.</summary>
    public static bool IsGeneric(IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (!GenericWords.Contains(word))
            {
                return false;
            }
        }

        return true;
    }

    // A synonym's phrase says something specific when a word of it is neither generic nor a stop word ("water pills", "wake me up").
    private static bool SaysSomethingSpecific(string[] phrase)
    {
        foreach (var word in phrase)
        {
            if (!GenericWords.Contains(word) && !StopWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the question asks how to stop a cramp now: a word of <see cref="ReliefWords"/>, none of
    /// <see cref="PreventionWords"/>, no "stop getting"/"stop having", and no "stop" that says the cramp does not ("won't stop").
    /// </summary>
    public static bool AsksForReliefNow(IReadOnlyList<string> words)
    {
        var relief = false;
        for (var i = 0; i < words.Count; i++)
        {
            if (PreventionWords.Contains(words[i])
                || (words[i] is "stop" or "stopping" && i + 1 < words.Count && OngoingWords.Contains(words[i + 1])))
            {
                return false;
            }

            relief |= (ReliefWords.Contains(words[i]) && !(words[i] is "stop" or "stopping" && (SaysNotBefore(words, i) || SaysHowOften(words)))
                && !(words[i] == "now" && !MeansThisMoment(words, i)))
                || AsksWhatToDo(words, i);
        }

        return relief;
    }

    // Between "what" and its "do" in "what to do", "what do I do", "what should I do", "what can you do": not in "what do
    // cramps feel like".
    private static readonly HashSet<string> WhatToDoWords = ["to", "do", "should", "can", "could", "shall", "would", "i", "we", "you"];

    // After that "do", what it is about: the cramp when it comes. A question ending "what should I do" ("cramps 5x/week what
    // should I do") may ask about its cramps' frequency, whose red flags must not go below the treatments.
    private static readonly HashSet<string> WhatToDoAbout = ["when", "whenever", "if", "during", "for", "about", "with"];

    /// <summary>
    /// "What do I do when I get a cramp", "what should I do for a charley horse": the question asks what to do about the cramp,
    /// as "what to do during a cramp" does. Its other words are all generic, so it listed red flags, causes and
    /// preventions with scores of 0 in row order.
    /// </summary>
    private static bool AsksWhatToDo(IReadOnlyList<string> words, int at)
    {
        if (words[at] != "what")
        {
            return false;
        }

        for (var w = at + 1; w < words.Count && w <= at + 3 && WhatToDoWords.Contains(words[w]); w++)
        {
            if (w > at + 1 && words[w] == "do")
            {
                return w + 1 < words.Count && WhatToDoAbout.Contains(words[w + 1]);
            }
        }

        return false;
    }

    // "Now" asks for relief when it means this moment ("my calf is cramping right now", "what do I do now", "cramp now, help"),
    // not when it opens what has changed ("I'm pregnant and now I get cramps every night" put every treatment before pregnancy).
    private static bool MeansThisMoment(IReadOnlyList<string> words, int at) =>
        (at > 0 && words[at - 1] == "right") || at == words.Count - 1 || words[at + 1] is "what" or "how" or "please" or "help";

    /// <summary>
    /// True when the question says its cramps come at a time that recurs ("at night", "every morning", "nightly"): then
    /// "stop" asks how to stop them coming, as "stop getting" does. "How to stop leg cramps at night" ranked the treatments
    /// first and stretching before bed, the articles' way to prevent night cramps, after all of them.
    /// </summary>
    private static bool SaysHowOften(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "nightly"
                || (words[i] is "at" or "every" or "each" or "most" && i + 1 < words.Count && RecurringTimes.Contains(words[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SaysNotBefore(IReadOnlyList<string> words, int at)
    {
        for (var i = Math.Max(0, at - 3); i < at; i++)
        {
            if (NotStoppingWords.Contains(words[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static int AddPhrase(List<SearchPhrase> phrases, List<bool> specific, SearchPhrase phrase, bool isSpecific)
    {
        var at = phrases.IndexOf(phrase);
        if (at >= 0)
        {
            specific[at] |= isSpecific;
            return at;
        }

        phrases.Add(phrase);
        specific.Add(isSpecific);
        return phrases.Count - 1;
    }

    /// <summary>The synonym entries whose phrase the words contain, in seed order.</summary>
    private List<int> SynonymsIn(List<string> words)
    {
        var found = new List<int>(_synonymsWithoutWords);
        for (var start = 0; start < words.Count; start++)
        {
            if (!_synonymsByFirstWord.TryGetValue(words[start], out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (!found.Contains(candidate) && StandsAt(words, start, _synonyms[candidate].Phrase))
                {
                    found.Add(candidate);
                }
            }
        }

        found.Sort();
        return found;
    }

    private static bool StandsAt(List<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var i = 1; i < phrase.Length; i++)
        {
            if (words[start + i] != phrase[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool AddOnce<T>(List<T> list, T item)
    {
        if (list.Contains(item))
        {
            return false;
        }

        list.Add(item);
        return true;
    }

    /// <summary>
    /// Known words that the words which matched nothing are likely typos of, for "did you mean": at most one edit
    /// in four letters, and the same first letter, as typos keep it ("dehidration" → dehydration); so a word the
    /// knowledge base lacks ("thigh") is not turned into a different one ("tight", "high"). Another form of the
    /// same word is no typo: it matched nothing either ("sign" is not offered "signs").
    /// </summary>
    public IReadOnlyList<string> Suggest(IReadOnlyList<string> unmatched) =>
        unmatched
            .Where(w => w.Length >= 3 && !_knownWords.Contains(w))
            .SelectMany(w => NearestTerms.Find(
                w, _knownWords.Where(k => k[0] == w[0] && Stem(k) != Stem(w)).Select(k => (k, k)), max: 3, maxEdits: Math.Max(1, w.Length / 4)))
            .Distinct()
            .Take(5)
            .ToList();

    /// <summary>
    /// One phrase to look for. Several words must stand together; a single word loses a common ending
    /// and matches as a prefix, so "stretches", "stretching" and "stretch" all find "stretching".
    /// </summary>
    private static SearchPhrase ToPhrase(string term)
    {
        if (QueryWords.IsOneLowerCaseWord(term))
        {
            var stemmed = Stem(term);
            return stemmed.Length >= 3 ? new SearchPhrase(stemmed, IsPrefix: true) : new SearchPhrase(term, IsPrefix: false);
        }

        var words = Words(term);
        if (words.Count != 1)
        {
            return new SearchPhrase(string.Join(' ', words), IsPrefix: false);
        }

        var stem = Stem(words[0]);
        return stem.Length >= 3 ? new SearchPhrase(stem, IsPrefix: true) : new SearchPhrase(words[0], IsPrefix: false);
    }

    private static readonly string[] Endings = ["ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s"];

    public static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    public static SearchVocabulary Load(KnowledgeSnapshot snapshot)
    {
        // Each phrase's words are split off anew: at 100x content 43,000 copies of a few thousand words (1.4 MB), so
        // one instance per word; the meanings as arrays, not lists (another 0.5 MB).
        var words = new StringPool();
        var synonyms = snapshot.Synonyms
            .GroupBy(s => s.Phrase)
            .Select(g => (Words(g.Key).Select(words.Share).ToArray(), (IReadOnlyList<string>)g.Select(s => s.Means).ToArray()))
            .ToList();
        var names = snapshot.Records.Select(r => r.Name)
            .Concat(snapshot.Records.SelectMany(r => r.Aliases))
            .Concat(snapshot.Synonyms.Select(s => s.Phrase));
        var known = names.SelectMany(Words).Where(w => w.Length >= 4 && !StopWords.Contains(w)).Distinct().Order(StringComparer.Ordinal).ToList();
        return new SearchVocabulary(synonyms, known);
    }
}
