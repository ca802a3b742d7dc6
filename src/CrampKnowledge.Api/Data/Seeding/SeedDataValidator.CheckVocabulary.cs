using System.Text.RegularExpressions;

namespace CrampKnowledge.Api.Data.Seeding;

// check-vocabulary.json: the red-flag check reads a description word by word, so every entry must be
// words exactly as it splits them (letters and digits, lower case), each listed once.
internal sealed partial class SeedDataValidator
{
    [GeneratedRegex("^[a-z0-9]+$")]
    private static partial Regex CheckVocabularyWord();

    private void CheckCheckVocabulary()
    {
        const string file = SeedDataReader.CheckVocabularyFile;
        var vocabulary = _seed.CheckVocabulary;
        if (vocabulary.Words.Count == 0)
        {
            Problem(file, "words", "at least one topic of ordinary words is required");
        }

        var understood = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (topic, words) in vocabulary.Words)
        {
            if (!KebabCase().IsMatch(topic))
            {
                Problem(file, $"words.{topic}", "a topic name must be kebab-case (a-z, 0-9 and single hyphens)");
            }

            foreach (var word in words)
            {
                var label = $"words.{topic}: '{word}'";
                if (CheckWordProblem(word) is { } problem)
                {
                    Problem(file, label, problem);
                }
                else if (!understood.TryAdd(word, topic))
                {
                    Problem(file, label, $"the word is listed twice (also in words.{understood[word]}); list each word once");
                }
            }
        }

        var phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in vocabulary.Phrases)
        {
            var label = $"phrases: '{phrase}'";
            var words = phrase.Split(' ');
            if (words.Length < 2)
            {
                Problem(file, label, "a phrase has two or more words separated by single spaces; put single words in words");
            }
            else if (words.Select(CheckWordProblem).FirstOrDefault(p => p is not null) is { } problem)
            {
                Problem(file, label, problem);
            }

            if (!phrases.Add(phrase))
            {
                Problem(file, label, "the phrase is listed twice");
            }
        }

        var unassessed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in vocabulary.Unassessed)
        {
            var label = $"unassessed: '{word}'";
            if (CheckWordProblem(word) is { } problem)
            {
                Problem(file, label, problem);
            }

            if (!unassessed.Add(word))
            {
                Problem(file, label, "the word is listed twice");
            }

            if (understood.TryGetValue(word, out var topic))
            {
                Problem(file, label, $"the word is also understood in words.{topic}; a word is either understood or unassessed");
            }
        }

        var unassessedPhrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in vocabulary.UnassessedPhrases)
        {
            var label = $"unassessedPhrases: '{phrase}'";
            // Written as people write them ("can't feel"): the check splits at the apostrophe, as it does in a description.
            var words = phrase.Split(' ', '\'');
            if (phrase.Split(' ').Length < 2 && words.Length < 2)
            {
                Problem(file, label, "a phrase has two or more words separated by single spaces or an apostrophe; put single words in unassessed");
            }
            else if (words.Select(CheckWordProblem).FirstOrDefault(p => p is not null) is { } problem)
            {
                Problem(file, label, problem);
            }

            if (!unassessedPhrases.Add(phrase))
            {
                Problem(file, label, "the phrase is listed twice");
            }
        }
    }

    private static string? CheckWordProblem(string word) =>
        string.IsNullOrEmpty(word) ? "an entry must not be empty"
        : !CheckVocabularyWord().IsMatch(word) ? $"'{word}' must be one lower-case word of letters a-z and digits only (the check splits words at every other character)"
        : null;
}
