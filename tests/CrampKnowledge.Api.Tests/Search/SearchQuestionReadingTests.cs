using System.Text.Json;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// How the plan reads a question for the layer above the ranking (generic and specific phrases, the words each
/// phrase stands for, stop-it-now questions), why the generic word list is what it is, and the caution situations
/// read from the data: every treatment → caution link can put its caution first.
/// </summary>
public sealed class SearchQuestionReadingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly SearchVocabulary _vocabulary = factory.Services.GetRequiredService<SearchVocabulary>();
    private readonly SearchCautions _cautions = factory.Services.GetRequiredService<SearchCautions>();
    private readonly SearchIndex _index = factory.Services.GetRequiredService<SearchIndex>();
    private readonly KnowledgeSnapshot _snapshot = factory.Services.GetRequiredService<KnowledgeSnapshot>();

    [Theory]
    [InlineData("leg cramps", new[] { "leg", "cramp", "leg cramps" }, new string[0])]
    [InlineData("cramp in my thigh", new[] { "cramp" }, new[] { "thigh", "cramp thigh" })]
    [InlineData("muscle spasm", new[] { "muscle", "spasm", "cramp", "muscle spasm" }, new string[0])]
    [InlineData("water pills", new string[0], new[] { "water", "pill", "diuretic", "medic", "water pills" })]
    [InlineData("charley horse", new[] { "cramp", "spasm" }, new[] { "charley", "horse", "charley horse" })]
    public void PhrasesAreSpecificUnlessMadeOnlyOfGenericWordsOrAddedOnlyByThem(string question, string[] generic, string[] specific)
    {
        var plan = _vocabulary.Plan(question);

        var byText = plan.Phrases.Select((p, i) => (p.Text, Specific: plan.SpecificPhrases[i])).ToList();
        Assert.Equal(plan.Phrases.Count, plan.SpecificPhrases.Count);
        Assert.Equal(generic.Order(), byText.Where(p => !p.Specific).Select(p => p.Text).Order());
        Assert.Equal(specific.Order(), byText.Where(p => p.Specific).Select(p => p.Text).Order());
    }

    [Fact]
    public void EachWordKnowsThePhrasesThatFindItIncludingItsSynonyms()
    {
        var plan = _vocabulary.Plan("water pills at night");

        string[] Phrases(string word) => [.. plan.WordPhrases.Single(w => w.Word == word).Phrases.Select(p => plan.Phrases[p].Text)];
        Assert.Equal(["water", "diuretic"], Phrases("water"));
        Assert.Equal(["pill", "diuretic", "medic"], Phrases("pills"));
        Assert.Equal(["night", "nocturnal", "sleep", "rest cramps"], Phrases("night"));
    }

    [Theory]
    [InlineData("how do I stop a cramp right now", true)]
    [InlineData("what to do during a cramp", true)]
    [InlineData("relieve a cramp", true)]
    [InlineData("quick relief for a calf cramp", true)]
    [InlineData("how to get rid of a charley horse", true)]
    [InlineData("how do I stop getting cramps", false)]
    [InlineData("how to prevent cramps", false)]
    [InlineData("stop having cramps every night", false)]
    [InlineData("stop the cramps from coming back again", false)]
    [InlineData("how to stop leg cramps at night", false)]
    [InlineData("how can I stop my calves cramping every morning", false)]
    [InlineData("stop nightly foot cramps", false)]
    [InlineData("how do I relieve a cramp at night", true)]
    [InlineData("my calf cramped at night, how do I stop it right now", true)]
    [InlineData("why do my legs cramp at night", false)]
    [InlineData("heat or ice", false)]
    [InlineData("my cramp won't stop", false)]
    [InlineData("why won't my cramp stop", false)]
    [InlineData("the cramp does not stop", false)]
    [InlineData("it is not stopping", false)]
    [InlineData("how do I stop a cramp that won't go away", true)]
    [InlineData("it won't stop, how do I ease it now", true)]
    [InlineData("my calf is cramping right now", true)]
    [InlineData("I have a cramp now what do I do", true)]
    [InlineData("what do I do now", true)]
    [InlineData("what do I do when I get a cramp", true)]
    [InlineData("what should I do for a charley horse", true)]
    [InlineData("what to do when you get a leg cramp", true)]
    [InlineData("what do cramps feel like", false)]
    [InlineData("what should I do to prevent cramps", false)]
    [InlineData("cramps 5x/week what should I do", false)]
    [InlineData("I'm pregnant and now I get cramps every night", false)]
    [InlineData("I started taking a statin and now my legs cramp", false)]
    public void AQuestionAsksToStopACrampNowOnlyWithoutTalkOfNextTime(string question, bool relief)
    {
        Assert.Equal(relief, _vocabulary.Plan(question).AsksForReliefNow);
    }

    [Fact]
    public void EveryRecordIsNamedByAWordThatIsNeitherGenericNorAStopWord()
    {
        // Otherwise a record could only ever be found by generic words, which never make a hit when anything else is asked.
        var names = _snapshot.Records.Select(r => (r.Id, Words: SearchVocabulary.Words(string.Join(' ', r.Aliases.Prepend(r.Name)))));

        Assert.All(names, record => Assert.Contains(record.Words,
            w => !SearchVocabulary.GenericWords.Contains(w) && !SearchVocabulary.StopWords.Contains(w)));
    }

    [Theory]
    [InlineData("thigh")]
    [InlineData("sore")]
    [InlineData("tight")]
    [InlineData("injury")]
    [InlineData("night")]
    public void WordsThatTellRecordsApartAreNotGeneric(string word)
    {
        Assert.DoesNotContain(word, SearchVocabulary.GenericWords);
        Assert.True(_vocabulary.Plan(word).SpecificPhrases[0]);
    }

    [Fact]
    public void NoGenericWordIsAStopWord()
    {
        Assert.Empty(SearchVocabulary.GenericWords.Intersect(SearchVocabulary.StopWords));
    }

    [Fact]
    public void EveryTreatmentCautionLinkHasSituationsFromItsRulesAndNames()
    {
        var links = TestJson.ReadSeed("links.json").GetProperty("treatmentCautions").EnumerateArray()
            .Select(l => (l.Text("treatment"), l.Text("redFlag"))).Order().ToList();

        var loaded = _cautions.All.Select(c => (_index.Rows[c.TreatmentRow].Id, _index.Rows[c.RedFlagRow].Id)).Order().ToList();
        Assert.Equal(links, loaded);
        Assert.All(_cautions.All, c => Assert.True(c.Situations.Count >= 2, $"{_index.Rows[c.RedFlagRow].Id}: {c.Situations.Count} situations"));
    }

    [Fact]
    public async Task EveryCautionComesFirstWhenItsTreatmentAndOneOfItsSituationsAreNamed()
    {
        using var client = factory.CreateClient();
        var asked = 0;

        foreach (var caution in _cautions.All)
        {
            var treatment = _index.Rows[caution.TreatmentRow].Record!;
            foreach (var situation in caution.Situations)
            {
                // The treatment by its name, and the situation by the first phrase of each of its groups.
                var question = $"{treatment.Name} {string.Join(' ', situation.Groups.Select(g => string.Join(' ', g[0])))}";
                var result = await client.GetOkAsync($"/api/v1/search?q={Uri.EscapeDataString(question)}");

                Assert.Equal(_index.Rows[caution.RedFlagRow].Id, result.GetProperty("hits")[0].Text("id"));
                asked++;
            }
        }

        Assert.True(asked >= 10, $"only {asked} questions");
    }

    [Fact]
    public async Task ATreatmentNamedAloneDoesNotBringItsCautionFirstUnlessItsRulesSaySo()
    {
        using var client = factory.CreateClient();

        foreach (var (treatment, redFlag) in new[] { ("Gentle massage", "massage-during-acute-injury"), ("stretching", "stretching-insufficient-for-underlying-causes") })
        {
            var result = await client.GetOkAsync($"/api/v1/search?q={Uri.EscapeDataString(treatment)}");

            Assert.NotEqual(redFlag, result.GetProperty("hits")[0].Text("id"));
        }

        // The muscle-relaxant caution's rule fires on the name itself: the articles give these medicines for a short period only.
        var relaxant = await client.GetOkAsync("/api/v1/search?q=muscle%20relaxant");
        Assert.Equal("muscle-relaxant-short-term-only", relaxant.GetProperty("hits")[0].Text("id"));
    }
}
