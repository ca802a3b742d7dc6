using System.Text.Json.Nodes;
using CrampKnowledge.Api.Data.Seeding;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>Each row breaks a copy of seed-data/ in one way; the loader must name the file and the record.</summary>
public class SeedValidationTests
{
    [Fact]
    public void TheRealSeedDataBuilds()
    {
        using var seed = new SeedFolder();

        var outcome = KnowledgeDatabase.EnsureBuilt(seed.Location);

        Assert.True(outcome.Rebuilt);
        Assert.True(File.Exists(seed.DatabasePath));
    }

    [Theory]
    [InlineData("quote not in its source")]
    [InlineData("link to a missing id")]
    [InlineData("duplicate id")]
    [InlineData("unknown category")]
    [InlineData("edited source file")]
    [InlineData("malformed JSON")]
    [InlineData("misspelt field name")]
    [InlineData("alias shared by two records")]
    [InlineData("red flag without urgency")]
    [InlineData("contested point with one side")]
    [InlineData("link no quote supports")]
    [InlineData("link whose quotes name its ends only apart")]
    [InlineData("link with a blank basis")]
    public void BrokenSeedDataIsReportedNamingTheFileAndTheRecord(string breakage)
    {
        using var seed = new SeedFolder();
        var expected = Break(seed, breakage);

        var error = Assert.Throws<SeedDataException>(() => KnowledgeDatabase.EnsureBuilt(seed.Location));

        var problems = string.Join(Environment.NewLine, error.Problems);
        Assert.True(
            error.Problems.Any(p => p.File == expected.File
                && p.Record.Contains(expected.Record, StringComparison.Ordinal)
                && p.Message.Contains(expected.Message, StringComparison.OrdinalIgnoreCase)),
            $"expected {expected.File} › {expected.Record}: …{expected.Message}…, got:{Environment.NewLine}{problems}");
        Assert.Contains(expected.File, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(seed.DatabasePath), "an invalid seed left a database file behind");
    }

    [Fact]
    public void AnInvalidSeedLeavesNoFileBehindNotEvenAPartialBuild()
    {
        using var seed = new SeedFolder();
        Break(seed, "link to a missing id");

        Assert.Throws<SeedDataException>(() => KnowledgeDatabase.EnsureBuilt(seed.Location));

        Assert.Empty(Directory.EnumerateFiles(seed.Root));
    }

    /// <summary>Breaks the copy and returns what the loader's problem must say: file, a part of the record label, a part of the message.</summary>
    private static (string File, string Record, string Message) Break(SeedFolder seed, string breakage)
    {
        switch (breakage)
        {
            case "quote not in its source":
                var cause = Record(seed, "causes.json", 0);
                seed.EditJson("causes.json", n => n[0]!["citations"]![0]!["quote"] = "Cramps are caused by the phase of the moon.");
                return ("causes.json", cause, "quote not found");

            case "link to a missing id":
                seed.EditJson("links.json", n => n["causeTreatments"]![0]!["treatment"] = "no-such-treatment");
                return ("links.json", "no-such-treatment", "missing treatment");

            case "duplicate id":
                var first = Record(seed, "treatments.json", 0);
                seed.EditJson("treatments.json", n => n[1]!["id"] = first);
                return ("treatments.json", first, "duplicate id");

            case "unknown category":
                var prevention = Record(seed, "preventions.json", 0);
                seed.EditJson("preventions.json", n => n[0]!["category"] = "no-such-category");
                return ("preventions.json", prevention, "no-such-category");

            case "edited source file":
                var source = Record(seed, "sources.json", 0);
                var file = JsonNode.Parse(File.ReadAllText(seed.PathOf("sources.json")))![0]!["file"]!.GetValue<string>();
                File.AppendAllText(seed.PathOf(file), "An extra sentence nobody wrote.");
                return ("sources.json", source, "sha256");

            case "malformed JSON":
                var text = File.ReadAllText(seed.PathOf("red-flags.json"));
                var urgency = text.IndexOf("\"urgency\"", StringComparison.Ordinal);
                File.WriteAllText(seed.PathOf("red-flags.json"), text.Remove(urgency + "\"urgency\"".Length, 1));
                return ("red-flags.json", "[0]", "invalid JSON");

            case "misspelt field name":
                seed.EditJson("causes.json", n =>
                {
                    var record = n[2]!.AsObject();
                    var summary = record["summary"]!.DeepClone();
                    record.Remove("summary");
                    record["sumary"] = summary;
                });
                return ("causes.json", "[2]", "sumary");

            case "alias shared by two records":
                var causes = JsonNode.Parse(File.ReadAllText(seed.PathOf("causes.json")))!.AsArray();
                var alias = causes.First(r => r!["aliases"]!.AsArray().Count > 0)!["aliases"]![0]!.GetValue<string>();
                var last = causes.Count - 1;
                var taker = Record(seed, "causes.json", last);
                seed.EditJson("causes.json", n => n[last]!["aliases"]!.AsArray().Add(alias));
                return ("causes.json", taker, alias);

            case "red flag without urgency":
                var redFlag = Record(seed, "red-flags.json", 0);
                seed.EditJson("red-flags.json", n => n[0]!.AsObject().Remove("urgency"));
                return ("red-flags.json", redFlag, "urgency");

            case "contested point with one side":
                var point = Record(seed, "contested.json", 0);
                seed.EditJson("contested.json", n => n[0]!["sides"]!.AsArray().RemoveAt(1));
                return ("contested.json", point, "two sides");

            case "link no quote supports":
                // The link the clinical review found: the quote is about massage and blood flow, never about poor circulation.
                seed.EditJson("links.json", n => n["causeTreatments"]!.AsArray().Add(JsonNode.Parse("""
                    {
                      "cause": "poor-circulation",
                      "treatment": "massage",
                      "citations": [{
                        "source": "epainassist",
                        "quote": "Gently massaging the affected leg muscles promotes blood flow and relieves leg cramps or cramping of leg muscles.",
                        "certainty": "established",
                        "certaintyPhrase": "promotes blood flow"
                      }]
                    }
                    """)));
                return ("links.json", "causeTreatments[poor-circulation → massage]", "no quote names 'Poor circulation' (name or aliases: Poor circulation, poor blood flow");

            case "link whose quotes name its ends only apart":
                seed.EditJson("links.json", n => n["causePreventions"]!.AsArray().Add(JsonNode.Parse("""
                    {
                      "cause": "dialysis",
                      "prevention": "stay-hydrated",
                      "citations": [
                        { "source": "epainassist", "quote": "Shifts in the body fluids such as seen in cirrhosis or during dialysis for kidney failure may also cause leg cramps or cramping in legs.", "certainty": "possible", "certaintyPhrase": "may also cause" },
                        { "source": "leg-spasms", "quote": "Stretching, heat and cold, and staying hydrated can help prevent and alleviate spasms.", "certainty": "possible", "certaintyPhrase": "can help" }
                      ]
                    }
                    """)));
                return ("links.json", "causePreventions[dialysis → stay-hydrated]", "no single quote names both 'Dialysis' and 'Staying hydrated'");

            case "link with a blank basis":
                var linked = JsonNode.Parse(File.ReadAllText(seed.PathOf("links.json")))!["causeTreatments"]!.AsArray()
                    .First(l => l!["basis"] is not null)!;
                var label = $"causeTreatments[{linked["cause"]} → {linked["treatment"]}]";
                seed.EditJson("links.json", n => n["causeTreatments"]!.AsArray().First(l => l!["basis"] is not null)!["basis"] = "  ");
                return ("links.json", label, "basis must not be blank");

            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, "no such breakage");
        }
    }

    private static string Record(SeedFolder seed, string file, int index) =>
        JsonNode.Parse(File.ReadAllText(seed.PathOf(file)))![index]!["id"]!.GetValue<string>();
}
