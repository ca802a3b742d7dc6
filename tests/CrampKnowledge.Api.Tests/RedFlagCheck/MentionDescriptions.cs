using System.Text;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// Descriptions that name what the check reads besides rule phrases: records by id, name and alias (the conditions
/// and medicines it recognizes, and others it does not), the check vocabulary's phrases, time phrases with numbers in
/// digits and words, negation cues before them, and near misses (a name cut short, inflected, or joined to another's
/// words). Seeded, so a failure repeats.
/// </summary>
internal static class MentionDescriptions
{
    private static readonly string[] Cues = ["no", "not", "don't", "I don't have", "never", "without", "no idea about", "not only", "never had", "no longer on"];

    private static readonly string[] Openers = ["I'm on", "I take", "I have", "diagnosed with", "my doctor said", "been on", "since I started", "I was on", ""];

    private static readonly string[] Joins = [" ", ", ", " and ", ". ", " but ", "; ", " - ", "? No. ", ": none, ", "\n"];

    private static readonly string[] Numbers = ["2", "3", "10", "two", "three", "a couple of", "several", "1", "seven"];

    private static readonly string[] Fillers = ["cramps", "my calf", "at night", "really", "legs hurt", "when I walk", "the", "it", "most nights", "for months"];

    public static List<string> For(KnowledgeSnapshot snapshot, RedFlagRuleBook rules, int count, int seed)
    {
        var random = new Random(seed);
        var mentions = rules.Described.Mentions.Select(m => m.Mention.Text).Distinct().ToList();
        var records = snapshot.Records.SelectMany(r => r.Aliases.Prepend(r.Name).Prepend(r.Id)).Distinct().ToList();
        var vocabulary = snapshot.CheckVocabulary.Where(w => w.List != CheckWord.WordList).Select(w => w.Text).ToList();
        var times = TimePhrases.All.Select(t => t.Text).ToList();
        var descriptions = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            var parts = random.Next(1, 6);
            for (var p = 0; p < parts; p++)
            {
                text.Append(p == 0 ? "" : Pick(random, Joins)).Append(random.Next(7) switch
                {
                    0 => $"{Pick(random, Cues)} {Variant(random, Pick(random, mentions))}",
                    1 => $"{Pick(random, Openers)} {Variant(random, Pick(random, mentions))} for {Time(random, Pick(random, times))}",
                    2 => Time(random, Pick(random, times)),
                    3 => Variant(random, Pick(random, vocabulary)),
                    4 => Variant(random, Pick(random, records)),
                    5 => Joined(random, Pick(random, mentions), Pick(random, mentions)),
                    _ => $"{Pick(random, Openers)} {Variant(random, Pick(random, mentions))} {Pick(random, Fillers)}",
                });
            }

            descriptions.Add(text.ToString());
        }

        return descriptions;
    }

    // A time phrase as said: its number in digits or words, its gap as a few words.
    private static string Time(Random random, string phrase) => phrase
        .Replace("#", Pick(random, Numbers), StringComparison.Ordinal)
        .Replace("...", string.Join(' ', Enumerable.Range(0, random.Next(5)).Select(_ => Pick(random, Fillers))), StringComparison.Ordinal);

    private static string Variant(Random random, string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return random.Next(6) switch
        {
            0 when words.Length > 1 => string.Join(' ', words[..^1]),
            1 => phrase + "s",
            2 => phrase.ToUpperInvariant(),
            3 when words.Length > 1 => string.Join(' ', words.Reverse()),
            _ => phrase,
        };
    }

    // The first words of one phrase and the last of another: "water pills" and "kidney disease" give "water disease".
    private static string Joined(Random random, string a, string b)
    {
        var first = a.Split(' ');
        var second = b.Split(' ');
        return string.Join(' ', first.Take(random.Next(1, first.Length + 1)).Concat(second.Skip(random.Next(second.Length))));
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
