using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Seeding;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>The rule that a link's quote names both its records, or the link says why in a reviewed basis.</summary>
public class LinkSupportTests
{
    private const string MassageQuote =
        "Gently massaging the affected leg muscles promotes blood flow and relieves leg cramps or cramping of leg muscles.";

    private static readonly SeedDataset Seed = SeedDataReader.Read(TestJson.SeedDirectory);

    [Fact]
    public void TheShippedLinksAllPass()
    {
        var problems = SeedDataValidator.Validate(Seed);

        Assert.Empty(problems);
    }

    [Fact]
    public void ALinkWhoseQuoteNamesOnlyOneEndIsRejectedNamingTheLinkAndTheMissingEnd()
    {
        var seed = WithCauseTreatment(new SeedLink([Citation("epainassist", MassageQuote)], Cause: "poor-circulation", Treatment: "massage"));

        var problems = SeedDataValidator.Validate(seed);

        var problem = Assert.Single(problems);
        Assert.Equal("links.json", problem.File);
        Assert.Equal("causeTreatments[poor-circulation → massage]", problem.Record);
        Assert.StartsWith("no quote names 'Poor circulation' (name or aliases: Poor circulation, poor blood flow", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Gentle massage'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReviewedBasisLetsALinkStandWithoutAQuoteNamingBothEnds()
    {
        var seed = WithCauseTreatment(new SeedLink(
            [Citation("epainassist", MassageQuote)], Cause: "poor-circulation", Treatment: "massage",
            Basis: "A note a reviewer reads and checks against the quote."));

        var problems = SeedDataValidator.Validate(seed);

        Assert.Empty(problems);
    }

    [Fact]
    public void AQuoteNamingBothEndsThroughAnAliasAndAnInflectionPasses()
    {
        // "dehydration" is the cause's name; "drinking enough water" is the treatment's alias "drink enough water" with a verb ending.
        var seed = WithCauseTreatment(new SeedLink(
            [Citation("leg-cramps-and-pain", "Dehydration increases the effects of electrolyte imbalance, impairing leg strength and endurance. "
                + "To mitigate these effects, drinking enough water and maintaining electrolyte balance through a varied and balanced diet is important.")],
            Cause: "low-sodium", Treatment: "drink-fluids"));

        var problems = SeedDataValidator.Validate(seed);

        var problem = Assert.Single(problems);
        Assert.Contains("no quote names 'Low sodium (salt)'", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'Rehydrating'", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cause", "diuretics", "Certain medications like steroids, water pills, and cholesterol drugs.", true)]
    [InlineData("cause", "diuretics", "Fluid pills can cause cramps.", true)]
    [InlineData("cause", "low-sodium", "Depleted levels of potassium and sodium (salt).", true)]
    [InlineData("cause", "poor-circulation", "Massage promotes blood flow.", false)]
    [InlineData("cause", "poor-circulation", "Poor blood flow to the legs.", true)]
    [InlineData("treatment", "massage", "Massage can also help the muscle relax the contraction.", true)]
    [InlineData("cause", "dehydration", "People who are thirsty cramp.", true)]
    [InlineData("cause", "tense-or-stiff-muscles", "To relax the leg muscles.", false)]
    [InlineData("cause", "hypothyroidism", "Hypothyroidisms", true)]
    [InlineData("cause", "anemia", "Anemic patients", false)]
    public void ARecordIsNamedByItsNameAliasesAndSynonymsOnWholeWords(string kind, string id, string quote, bool named)
    {
        var names = new RecordNames(Seed);

        var found = names.Names(RecordKinds.FromWireName(kind)!.Value, id, RecordNames.Words(quote));

        Assert.Equal(named, found);
    }

    [Fact]
    public void ASynonymWhoseMeaningIsAnotherFormOfANameStillNamesTheRecord()
    {
        var seed = Seed with { Synonyms = [.. Seed.Synonyms, new SeedSynonym(["fluid tablets"], ["diuretic"])] };

        var names = new RecordNames(seed);

        Assert.True(names.Names(RecordKind.Cause, "diuretics", RecordNames.Words("Fluid tablets can bring on cramps.")));
    }

    [Fact]
    public void FindingTheSynonymsThatNameEachRecordComparesOnlyMeaningsThatCanMatch()
    {
        // Ten times the synonyms and records. Comparing each record with each synonym took at least one comparison per pair
        // (940 records x 340 synonyms); looked up by their meanings' ends, a record compares a few meanings at most.
        var root = Directory.CreateTempSubdirectory("crampknowledge-names-").FullName;
        try
        {
            CrampKnowledge.Bench.Growth.SyntheticSeedData.Generate(TestJson.SeedDirectory, Path.Combine(root, "seed-data"), 10);
            var grown = SeedDataReader.Read(Path.Combine(root, "seed-data"));
            var recordCount = grown.Records.Values.Sum(r => r.Count);

            var names = new RecordNames(grown);

            Assert.InRange(names.MeaningComparisons, 1, 4 * recordCount);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static SeedCitation Citation(string source, string quote) => new(source, quote, "possible", quote.Split(' ')[0]);

    private static SeedDataset WithCauseTreatment(SeedLink link) =>
        Seed with { Links = Seed.Links with { CauseTreatments = [.. Seed.Links.CauseTreatments, link] } };
}
