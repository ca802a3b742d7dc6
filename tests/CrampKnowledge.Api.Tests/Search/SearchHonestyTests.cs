using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// Search says when it has nothing, as a worried person or a chatbot would ask: words that match nothing come
/// back in unmatchedTerms, generic words (leg, cramp, pain...) never make a hit on their own, hits say when the
/// articles disagree, a caution comes first when the question is about what it limits, and "how do I stop it now"
/// gets treatments first. Scores stay the bm25 scores; only the order changes.
/// </summary>
public sealed class SearchHonestyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private readonly KnowledgeSnapshot _snapshot = factory.Services.GetRequiredService<KnowledgeSnapshot>();

    // None of thigh, numbness, tingling, rash or jaw is in the five articles: the knowledge base cannot speak to them.
    [Theory]
    [InlineData("cramp in my thigh", new[] { "thigh" })]
    [InlineData("leg cramps and numbness", new[] { "numbness" })]
    [InlineData("my foot is cramping and tingling", new[] { "tingling" })]
    [InlineData("calf pain with a rash", new[] { "rash" })]
    [InlineData("muscle spasms in my jaw", new[] { "jaw" })]
    public async Task AQuestionWhoseOtherWordsMatchNothingHasNoHitsAndSaysWhichWords(string question, string[] unmatched)
    {
        var result = await Search(question);

        Assert.Equal(0, result.GetProperty("hits").GetArrayLength());
        Assert.Equal(unmatched, result.GetProperty("unmatchedTerms").Texts());
    }

    // The articles never name ALS. A prefix reaches only forms of the word it stems ("sign" → signs, not
    // signals; "als" → not also), so the question is not answered with hits about something else.
    [Theory]
    [InlineData("can cramps be a sign of ALS", new[] { "sign", "als" })]
    [InlineData("are my cramps an early sign of als", new[] { "early", "sign", "als" })]
    public async Task AConditionTheArticlesNeverNameIsNotMatchedThroughAnotherWordsFirstLetters(string question, string[] unmatched)
    {
        var result = await Search(question);

        Assert.Equal(0, result.GetProperty("hits").GetArrayLength());
        Assert.Equal(unmatched, result.GetProperty("unmatchedTerms").Texts());
        Assert.DoesNotContain("signs", result.GetProperty("suggestions").Texts());
    }

    // The answer itself says what the articles do not cover, so a bot that relays only the hits and the note still cannot
    // present hits about blood pressure drugs as an answer about a blood clot, or no hits as nothing to worry about.
    [Theory]
    [InlineData("blood clot", new[] { "clot" }, true)]
    [InlineData("is a muscle relaxer ok for my 80 year old mother", new[] { "ok", "mother" }, true)] // counts and units of time are not searched
    [InlineData("pickle juice", new[] { "pickle", "juice" }, false)]
    [InlineData("does quinine help", new[] { "quinine" }, false)] // "help" alone made ten treatment hits about nothing asked
    [InlineData("does pickle juice work", new[] { "pickle", "juice" }, false)] // as "help": "work" alone made hits about stretching
    [InlineData("my friend told me pickle juice works", new[] { "pickle", "juice" }, false)] // "friend" and "told" were named too
    [InlineData("I read that leg cramps can be a sign of a blood clot", new[] { "sign", "clot" }, true)] // and "read"
    [InlineData("can quinine help my leg cramps at night", new[] { "quinine" }, true)] // its subject is unnamed: the note says so
    [InlineData("I don't have swelling", new[] { "swelling" }, false)]
    [InlineData("cramps most nights for months and numbness", new[] { "numbness" }, true)] // "for months" is a synonym of persist
    public async Task WordsNothingSearchedMentionsAreNamedInTheNoteWhichIsNoReassurance(string question, string[] unmatched, bool hasHits)
    {
        var result = await Search(question);

        Assert.Equal(unmatched, result.GetProperty("unmatchedTerms").Texts());
        Assert.Equal(hasHits, result.GetProperty("hits").GetArrayLength() > 0);
        var note = result.Text("note");
        Assert.All(unmatched, word => Assert.Contains($"“{word}”", note, StringComparison.Ordinal));
        Assert.Contains(hasHits ? "the hits match only the question's other words" : "there are no hits", note, StringComparison.Ordinal);
        Assert.Contains("does not know", note, StringComparison.Ordinal);
        Assert.Contains("no reassurance", note, StringComparison.Ordinal);
        Assert.Contains("doctor", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("water pills")]
    [InlineData("why do my legs cramp at night")]
    [InlineData("magnesium")]
    public async Task TheNoteIsAbsentWhenEveryWordMatchedAndThereAreHits(string question)
    {
        var result = await Search(question);

        Assert.NotEqual(0, result.GetProperty("hits").GetArrayLength());
        Assert.Empty(result.GetProperty("unmatchedTerms").Texts());
        Assert.False(result.TryGetProperty("note", out _));
    }

    // Unmatched means unmatched in what was searched: with types=red-flag, "magnesium" is in no red flag, though the articles
    // name it. The note says "nothing searched", never that the articles are silent.
    [Fact]
    public async Task WithTypesTheNoteSpeaksOfWhatWasSearchedNotOfTheArticles()
    {
        var result = await Search("magnesium", "&types=red-flag");

        Assert.Equal(0, result.GetProperty("hits").GetArrayLength());
        Assert.Equal(["magnesium"], result.GetProperty("unmatchedTerms").Texts());
        Assert.StartsWith("Nothing searched mentions “magnesium”", result.Text("note"), StringComparison.Ordinal);
        Assert.DoesNotContain("articles never", result.Text("note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATypoAmongGenericWordsGetsASuggestionAndNoHits()
    {
        var result = await Search("foot cramp dehidration");

        Assert.Equal(0, result.GetProperty("hits").GetArrayLength());
        Assert.Equal(["dehidration"], result.GetProperty("unmatchedTerms").Texts());
        Assert.Equal("dehydration", result.GetProperty("suggestions").Texts().First());
    }

    [Theory]
    [InlineData("cramp in my thigh")]
    [InlineData("leg cramps and numbness")]
    public async Task AWordTheKnowledgeBaseLacksIsNotTurnedIntoAnotherWord(string question)
    {
        var result = await Search(question);

        // "thigh" is one edit from "high" and two from "tight": neither is what the person meant.
        Assert.Empty(result.GetProperty("suggestions").Texts());
    }

    [Theory]
    [InlineData("water pills")]
    [InlineData("seized up")]
    [InlineData("charley horse")]
    [InlineData("why do my legs cramp at night")]
    public async Task WordsFoundDirectlyOrThroughASynonymAreNotUnmatched(string question)
    {
        var result = await Search(question);

        Assert.Empty(result.GetProperty("unmatchedTerms").Texts());
        Assert.NotEqual(0, result.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task TheTailsOfContractionsAreNotWordsThatMatchNothing()
    {
        var result = await Search("I'm diabetic and it's cramping, I don't know why");

        Assert.Empty(result.GetProperty("unmatchedTerms").Texts());
        Assert.Equal("diabetes", result.GetProperty("hits")[0].Text("id"));
    }

    [Fact]
    public async Task SomeWordsMatchingNothingAreListedWhileTheOthersStillFindHits()
    {
        var result = await Search("is a muscle relaxer ok for my 80 year old mother");

        var unmatched = result.GetProperty("unmatchedTerms").Texts();
        Assert.Contains("mother", unmatched);
        Assert.DoesNotContain("relaxer", unmatched);
        Assert.Contains("muscle-relaxant", Ids(result));
    }

    [Theory]
    [InlineData("why do my legs cramp at night")]
    [InlineData("leg cramps after running")]
    [InlineData("calf pain when walking")]
    [InlineData("foot cramps from new exercise")]
    [InlineData("muscle cramps and dehydration")]
    [InlineData("leg cramps while pregnant")]
    public async Task WithSomethingSpecificAskedNoHitScoresZero(string question)
    {
        var result = await Search(question, "&limit=50");

        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.True(hit.GetProperty("score").GetDouble() > 0, $"'{question}': {hit.Text("id")} scores 0"));
    }

    [Theory]
    [InlineData("leg cramps", new[] { "leg", "cramp" })]
    [InlineData("cramp", new[] { "cramp" })]
    [InlineData("muscle spasms", new[] { "muscle", "spasm", "cramp" })]
    [InlineData("foot pain", new[] { "foot", "feet", "pain" })]
    public async Task AQuestionOfGenericWordsAloneFindsTheRecordsNamedForThem(string question, string[] words)
    {
        var result = await Search(question, "&limit=50");

        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Empty(result.GetProperty("unmatchedTerms").Texts());
        Assert.All(hits, hit =>
        {
            var record = Record(hit);
            var naming = SearchVocabulary.Words(string.Join(' ', record.Aliases.Prepend(record.Name)));
            Assert.True(naming.Any(w => words.Any(g => w.StartsWith(g, StringComparison.Ordinal))),
                $"'{question}': {record.Id} ({record.Name}) is not named for {string.Join('/', words)}");
        });
    }

    [Fact]
    public async Task AGenericWordWithASpecificOneOnlyFindsRecordsOfTheSpecificOne()
    {
        var result = await Search("leg cramps and dehydration", "&limit=50");

        Assert.Equal("dehydration", result.GetProperty("hits")[0].Text("id"));
        Assert.All(result.GetProperty("hits").EnumerateArray(), hit =>
            Assert.Contains("dehydrat", Text(Record(hit)), StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("heat or ice")]
    [InlineData("heat or ice for a cramp")]
    [InlineData("should I use a heating pad or an ice pack")]
    public async Task TheHeatOrIceDisagreementSurfacesWithBothSidesMarkedContested(string question)
    {
        var result = await Search(question);

        var top = result.GetProperty("hits").EnumerateArray().Take(2).ToList();
        Assert.Equal(["apply-heat", "apply-ice"], top.Select(h => h.Text("id")).Order());
        Assert.All(top, hit => Assert.True(hit.GetProperty("contested").GetBoolean()));
    }

    [Fact]
    public async Task EveryDisagreementAskedByItsTopicFindsARecordItConcernsNearTheTop()
    {
        var points = TestJson.ReadSeed("contested.json").EnumerateArray().ToList();

        foreach (var point in points)
        {
            var result = await Search(point.Text("topic"));

            var concerns = point.GetProperty("concerns").EnumerateArray().Select(c => (c.Text("type"), c.Text("id"))).ToHashSet();
            var top = result.GetProperty("hits").EnumerateArray().Take(3).Where(h => concerns.Contains((h.Text("type"), h.Text("id")))).ToList();
            Assert.True(top.Count > 0, $"'{point.Text("topic")}' finds none of {point.Text("id")}'s records in its top 3");
            Assert.All(top, hit => Assert.True(hit.GetProperty("contested").GetBoolean()));
        }

        Assert.NotEmpty(points);
    }

    [Theory]
    [InlineData("heat or ice", "treatment")]
    [InlineData("is low salt a cause", "cause")]
    [InlineData("is stretching enough", "treatment")]
    [InlineData("water pills", "cause")]
    public async Task HitsSayContestedExactlyAsTheListRowsDo(string question, string type)
    {
        var result = await Search(question, "&limit=50");
        var list = await _client.GetOkAsync($"/api/v1/{type}s?pageSize=100");

        var rows = list.Items().ToDictionary(i => i.Text("id"), i => i.GetProperty("contested").GetBoolean());
        var hits = result.GetProperty("hits").EnumerateArray().Where(h => h.Text("type") == type).ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, hit => Assert.Equal(rows[hit.Text("id")], hit.GetProperty("contested").GetBoolean()));
    }

    [Theory]
    [InlineData("can I massage my calf after I hurt it yesterday", "massage-during-acute-injury")]
    [InlineData("can i massage an injured muscle", "massage-during-acute-injury")]
    [InlineData("I pulled a muscle, should I get a sports massage", "massage-during-acute-injury")]
    [InlineData("is a muscle relaxer ok for my 80 year old mother", "muscle-relaxant-short-term-only")]
    [InlineData("using muscle relaxants", "muscle-relaxant-short-term-only")]
    [InlineData("how long can i take cyclobenzaprine", "muscle-relaxant-short-term-only")]
    [InlineData("should I keep stretching if I have poor circulation", "stretching-insufficient-for-underlying-causes")]
    [InlineData("does stretching help if I have nerve damage", "stretching-insufficient-for-underlying-causes")]
    [InlineData("stretching doesn't help my cramps", "stretching-insufficient-for-underlying-causes")]
    [InlineData("I get no relief from stretching", "stretching-insufficient-for-underlying-causes")]
    [InlineData("stretching does nothing for my cramps", "stretching-insufficient-for-underlying-causes")]
    [InlineData("despite stretching my calves cramp every night", "stretching-insufficient-for-underlying-causes")]
    [InlineData("I'm diabetic, will stretching fix my cramps", "stretching-insufficient-for-underlying-causes")]
    [InlineData("I pulled a muscle yesterday, can I rub it", "massage-during-acute-injury")]
    public async Task ACautionRanksFirstWhenTheQuestionIsAboutWhatItLimits(string question, string caution)
    {
        var result = await Search(question);

        var first = result.GetProperty("hits")[0];
        Assert.Equal(("red-flag", caution), (first.Text("type"), first.Text("id")));
        Assert.Equal("caution", first.Text("urgency"));
    }

    [Theory]
    [InlineData("can I massage my calf", "massage-during-acute-injury")]
    [InlineData("diabetes", "stretching-insufficient-for-underlying-causes")]
    [InlineData("poor circulation", "stretching-insufficient-for-underlying-causes")]
    [InlineData("water pills", "muscle-relaxant-short-term-only")]
    [InlineData("does stretching help", "stretching-insufficient-for-underlying-causes")]
    public async Task ACautionIsNotPutFirstWithoutBothTheTreatmentAndItsSituation(string question, string caution)
    {
        var result = await Search(question);

        Assert.NotEqual(caution, result.GetProperty("hits")[0].Text("id"));
    }

    [Fact]
    public async Task ACautionIsLeftOutWhenRedFlagsAreNotSearched()
    {
        var result = await Search("can I massage my calf after I hurt it yesterday", "&types=treatment");

        Assert.All(result.GetProperty("hits").EnumerateArray(), hit => Assert.Equal("treatment", hit.Text("type")));
    }

    [Theory]
    [InlineData("how do I stop a cramp right now")]
    [InlineData("what to do during a cramp")]
    [InlineData("relieve a cramp")]
    [InlineData("how to ease a calf cramp fast")]
    [InlineData("charley horse in my calf how do i make it stop")]
    public async Task AQuestionAboutStoppingACrampNowRanksTreatmentsAbovePreventions(string question)
    {
        var result = await Search(question, "&limit=50");

        var types = result.GetProperty("hits").EnumerateArray().Select(h => h.Text("type")).ToList();
        Assert.Equal("treatment", types[0]);
        var lastTreatment = types.LastIndexOf("treatment");
        var firstPrevention = types.IndexOf("prevention");
        Assert.True(firstPrevention < 0 || firstPrevention > lastTreatment, $"'{question}': {string.Join(", ", types)}");
    }

    // A red flag the question's words call for is not pushed out by treatments: with red flags ranked after every treatment,
    // "how do I relieve frequent cramps" listed ten treatments and neither frequent-cramps red flag.
    [Theory]
    [InlineData("how do I relieve frequent cramps", "frequent-or-predictable-cramps")]
    [InlineData("how do I relieve frequent cramps", "frequent-or-severe-cramps")]
    [InlineData("how do I relieve a cramp at night", "spasms-disturbing-sleep")]
    [InlineData("how to ease a cramp that won't stop", "persistent-cramps")]
    public async Task AStopItNowQuestionKeepsTheRedFlagsItsWordsCallFor(string question, string redFlag)
    {
        var result = await Search(question);

        var hits = result.GetProperty("hits").EnumerateArray().Select(h => (Type: h.Text("type"), Id: h.Text("id"))).ToList();
        Assert.Contains(("red-flag", redFlag), hits);
        Assert.Contains(hits, h => h.Type == "treatment");
    }

    [Theory]
    [InlineData("how do I stop a cramp right now")]
    [InlineData("can I massage my calf after I hurt it yesterday")]
    [InlineData("is a muscle relaxer ok for my 80 year old mother")]
    [InlineData("should I keep stretching if I have poor circulation")]
    [InlineData("cramp in my calf")]
    public async Task ReorderedHitsKeepTheirOwnBm25Scores(string question)
    {
        var result = await Search(question, "&limit=50");
        var vocabulary = factory.Services.GetRequiredService<SearchVocabulary>();
        var search = factory.Services.GetRequiredService<KnowledgeSearch>();

        // The FTS5 ranking of the same plan, every matching row: its score is the one a hit must carry.
        var ranked = search.Find(vocabulary.Plan(question), SearchQuery.DefaultTypes, limit: 1_000)
            .ToDictionary(h => (h.Type, h.Id), h => h.Score);
        Assert.All(result.GetProperty("hits").EnumerateArray(), hit =>
            Assert.Equal(ranked.GetValueOrDefault((hit.Text("type"), hit.Text("id"))), hit.GetProperty("score").GetDouble()));
    }

    [Fact]
    public async Task WithoutACautionOrAStopItNowQuestionHitsAreInScoreOrder()
    {
        var result = await Search("leg cramps at night while pregnant", "&limit=50");

        var scores = result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.NotEmpty(scores);
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesUnmatchedTermsAndContested()
    {
        var document = await _client.GetOkAsync("/swagger/v1/swagger.json");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var unmatched = schemas.GetProperty(nameof(SearchResponse)).GetProperty("properties").GetProperty("unmatchedTerms");
        var contested = schemas.GetProperty(nameof(SearchHit)).GetProperty("properties").GetProperty("contested");
        Assert.Contains("match nothing", unmatched.Text("description"), StringComparison.Ordinal);
        Assert.Contains("disagree", contested.Text("description"), StringComparison.Ordinal);
        var operation = document.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get");
        Assert.Contains("unmatchedTerms", operation.Text("description"), StringComparison.Ordinal);
        Assert.Contains("caution", operation.Text("description"), StringComparison.Ordinal);
    }

    private Task<JsonElement> Search(string question, string more = "") =>
        _client.GetOkAsync($"/api/v1/search?q={Uri.EscapeDataString(question)}{more}");

    private static List<string> Ids(JsonElement result) => [.. result.GetProperty("hits").EnumerateArray().Select(h => h.Text("id"))];

    private SnapshotRecord Record(JsonElement hit) =>
        _snapshot.Records.Single(r => r.Kind.WireName() == hit.Text("type") && r.Id == hit.Text("id"));

    private static string Text(SnapshotRecord record) =>
        string.Join(' ', record.Aliases.Append(record.Name).Append(record.Summary).Concat(record.Citations.Select(c => c.Quote)));
}
