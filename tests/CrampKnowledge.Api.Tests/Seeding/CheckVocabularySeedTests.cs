using System.Text.Json.Nodes;
using CrampKnowledge.Api.Data.Seeding;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>check-vocabulary.json is validated at start-up like the rest: each bad entry stops it, naming the file and the entry.</summary>
public class CheckVocabularySeedTests
{
    private const string File = "check-vocabulary.json";

    [Theory]
    [InlineData("empty word", "words.cramps: ''", "must not be empty")]
    [InlineData("upper-case word", "words.cramps: 'Cramp'", "lower-case")]
    [InlineData("apostrophe", "words.cramps: 'can't'", "letters a-z and digits only")]
    [InlineData("space in a word", "words.cramps: 'calf cramp'", "letters a-z and digits only")]
    [InlineData("word in two topics", "words.body: 'cramp'", "listed twice (also in words.cramps)")]
    [InlineData("one-word phrase", "phrases: 'cramp'", "two or more words")]
    [InlineData("double space in a phrase", "phrases: 'hot  day'", "must not be empty")]
    [InlineData("duplicate phrase", "phrases: 'hot day'", "listed twice")]
    [InlineData("understood and unassessed", "unassessed: 'calf'", "also understood in words.body")]
    [InlineData("duplicate unassessed word", "unassessed: 'hot'", "listed twice")]
    [InlineData("topic not kebab-case", "words.Body Parts", "kebab-case")]
    [InlineData("one-word unassessed phrase", "unassessedPhrases: 'numb'", "two or more words")]
    [InlineData("duplicate unassessed phrase", "unassessedPhrases: 'can't feel'", "listed twice")]
    [InlineData("curly apostrophe", "unassessedPhrases: 'can’t walk'", "letters a-z and digits only")]
    public void ABadEntryStopsStartUpNamingTheFileAndTheEntry(string breakage, string record, string message)
    {
        using var seed = new SeedFolder();
        seed.EditJson(File, n => Break(n, breakage));

        var error = Assert.Throws<SeedDataException>(() => KnowledgeDatabase.EnsureBuilt(seed.Location));

        Assert.True(
            error.Problems.Any(p => p.File == File && p.Record.Contains(record, StringComparison.Ordinal) && p.Message.Contains(message, StringComparison.Ordinal)),
            $"expected {File} › {record}: …{message}…, got:{Environment.NewLine}{string.Join(Environment.NewLine, error.Problems)}");
        Assert.Contains(File, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileStopsStartUp()
    {
        using var seed = new SeedFolder();
        System.IO.File.Delete(seed.PathOf(File));

        var error = Assert.Throws<SeedDataException>(() => KnowledgeDatabase.EnsureBuilt(seed.Location));

        Assert.Contains(error.Problems, p => p.File == File && p.Message.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public void TheListIsGenerousAndHoldsNoneOfTheIssuesWarningSigns()
    {
        var vocabulary = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(TestJson.SeedDirectory, File)))!;
        var words = vocabulary["words"]!.AsObject().SelectMany(t => t.Value!.AsArray().Select(w => w!.GetValue<string>())).ToHashSet();

        Assert.InRange(words.Count, 500, 2500);
        foreach (var sign in (string[])["swollen", "swelling", "red", "redness", "hot", "warm", "warmth", "numb", "numbness", "tingling", "weak",
            "weakness", "bruised", "bruising", "deformed", "fever", "chest", "breath", "bleeding", "fall", "weight", "pale", "blue", "cold"])
        {
            Assert.DoesNotContain(sign, words);
        }
    }

    private static void Break(JsonNode vocabulary, string breakage)
    {
        var words = vocabulary["words"]!.AsObject();
        var cramps = words["cramps"]!.AsArray();
        switch (breakage)
        {
            case "empty word": cramps.Add(""); break;
            case "upper-case word": cramps.Add("Cramp"); break;
            case "apostrophe": cramps.Add("can't"); break;
            case "space in a word": cramps.Add("calf cramp"); break;
            case "word in two topics": words["body"]!.AsArray().Add("cramp"); break;
            case "one-word phrase": vocabulary["phrases"]!.AsArray().Add("cramp"); break;
            case "double space in a phrase": vocabulary["phrases"]!.AsArray().Add("hot  day"); break;
            case "duplicate phrase": vocabulary["phrases"]!.AsArray().Add("hot day"); break;
            case "understood and unassessed": vocabulary["unassessed"]!.AsArray().Add("calf"); break;
            case "duplicate unassessed word": vocabulary["unassessed"]!.AsArray().Add("hot"); break;
            case "topic not kebab-case": words["Body Parts"] = new JsonArray("sole"); break;
            case "one-word unassessed phrase": vocabulary["unassessedPhrases"]!.AsArray().Add("numb"); break;
            case "duplicate unassessed phrase": vocabulary["unassessedPhrases"]!.AsArray().Add("can't feel"); break;
            case "curly apostrophe": vocabulary["unassessedPhrases"]!.AsArray().Add("can’t walk"); break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "no such breakage");
        }
    }
}
