namespace CrampKnowledge.Api.Data.Search;

/// <summary>What a user's words were turned into: the terms looked up and the phrases any of which a hit contains.</summary>
/// <param name="Words">The user's own significant words, lower-cased.</param>
/// <param name="Terms">Every term searched, the user's words first, then what synonyms added.</param>
/// <param name="Phrases">The alternatives searched for, each distinct, in the order their bm25 terms add up.</param>
/// <remarks>
/// Words, terms and phrases are what the FTS5 query was made of; the rest reads the question for the layer
/// above the ranking (<see cref="KnowledgeSearch.Answer"/>) and changes no phrase.
/// </remarks>
public sealed record SearchPlan(IReadOnlyList<string> Words, IReadOnlyList<string> Terms, IReadOnlyList<SearchPhrase> Phrases)
{
    /// <summary>
    /// Per phrase, true when it says something specific: a word that is not generic (<see cref="SearchVocabulary.GenericWords"/>),
    /// or a synonym's term that such a word added. Empty means none.
    /// </summary>
    public IReadOnlyList<bool> SpecificPhrases { get; init; } = [];

    /// <summary>Each distinct significant word, with the phrases that find it: its own, and those its synonyms added.</summary>
    public IReadOnlyList<WordPhrases> WordPhrases { get; init; } = [];

    /// <summary>Every word of the question, stop words included, lower-cased.</summary>
    public IReadOnlyList<string> AllWords { get; init; } = [];

    /// <summary>The question asks how to stop a cramp now (<see cref="SearchVocabulary.AsksForReliefNow"/>).</summary>
    public bool AsksForReliefNow { get; init; }

    /// <summary>
    /// The question asks why, or what causes its cramps, in generic words only ("what causes leg cramps", "why do I get cramps";
    /// not "why do I keep getting leg cramps", whose synonym "frequent" names red flags).
    /// </summary>
    public bool AsksForCauses { get; init; }

    /// <summary>
    /// When the question asks whether something works, the phrases of what it asks about: its specific words before the
    /// asking word, and the phrases their synonyms added ("does magnesium help night cramps": magnesium's, not night's).
    /// Hits that hold one rank first. Empty for other questions.
    /// </summary>
    public IReadOnlyList<int> SubjectPhrases { get; init; } = [];
}

/// <summary>A word of the question and the indexes, in <see cref="SearchPlan.Phrases"/>, of the phrases that find it.</summary>
public sealed record WordPhrases(string Word, int[] Phrases);
