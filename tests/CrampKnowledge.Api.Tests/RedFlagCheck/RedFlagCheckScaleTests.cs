using System.Text.Json;
using System.Text.Json.Nodes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Endpoints;
using CrampKnowledge.Bench.Growth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// A check looks only for the record mentions and vocabulary phrases filed under the words and adjacent pairs a description
/// says (<see cref="AdjacentWordIndex"/>), so its cost does not grow with the content. Every mention it skips must be one
/// that does not occur, and its whole answer must be that of looking for every mention, every vocabulary phrase and every
/// red flag (<see cref="ReferenceDescribedAnswers"/>, <see cref="ReferenceCheckVocabulary"/>), at today's content and at ten times it.
/// </summary>
public sealed class RedFlagCheckScaleTests(ApiFactory factory) : IClassFixture<ApiFactory>, IDisposable
{
    private const int Seed = 20261206;

    private static readonly string[] Tables = ["engine-cases.json", "unknown-cases.json"];

    private readonly string _root = Directory.CreateTempSubdirectory("crampknowledge-check-scale-").FullName;

    [Fact]
    public void EveryMentionACheckSkipsWouldNotHaveBeenFound()
    {
        var descriptions = Descriptions(factory.Services, factory.Services, soups: 1000);

        var skipped = AssertSkippedMentionsNeverOccur(factory.Services, descriptions);

        Assert.True(skipped > 0.9, $"checks skipped only {skipped:P1} of the mentions");
    }

    [Fact]
    public void EveryTimePhraseACheckSkipsWouldNotHaveBeenFound()
    {
        var described = factory.Services.GetRequiredService<RedFlagRuleBook>().Described;

        var skipped = AssertSkippedNeverOccur(
            factory.Services, Descriptions(factory.Services, factory.Services, soups: 1000), described.TimesSaid, [.. described.Times.Select(t => (t.Phrase.Text, t.Words))]);

        Assert.True(skipped > 0.9, $"checks skipped only {skipped:P1} of the time phrases");
    }

    [Fact]
    public void EveryAnswerIsThatOfLookingForEveryPhrase()
    {
        var compared = AssertAnswersAsTheReference(factory.Services, Descriptions(factory.Services, factory.Services, soups: 1000));

        Assert.True(compared > 10_000, $"only {compared} requests compared");
    }

    [Fact]
    public void AtTenTimesTheContentACheckSkipsOnlyMentionsThatDoNotOccurAndAnswersAsLookingForEveryPhrase()
    {
        var seed = Path.Combine(_root, "seed-data");
        SyntheticSeedData.Generate(TestJson.SeedDirectory, seed, 10);
        using var api = new ApiFactory { DatabasePath = Path.Combine(_root, "knowledge.db"), SeedDataPath = seed };
        // Today's rule phrases with the ten-fold book's records, synthetic ones among them, and its vocabulary's phrases.
        var descriptions = Descriptions(factory.Services, api.Services, soups: 300);

        var skipped = AssertSkippedMentionsNeverOccur(api.Services, descriptions);
        var compared = AssertAnswersAsTheReference(api.Services, descriptions);
        AssertPhrasesSplitAsOneByOne(api.Services);

        Assert.True(skipped > 0.99, $"checks skipped only {skipped:P1} of {api.Services.GetRequiredService<RedFlagRuleBook>().Described.Mentions.Count} mentions");
        Assert.True(compared > 5_000, $"only {compared} requests compared");
        ApiFactory.ReleaseFile(Path.Combine(_root, "knowledge.db"));
    }

    [Fact]
    public void EveryPhraseSharedAtLoadIsSplitAsOnItsOwn()
    {
        var (triggerPhrases, mentions) = AssertPhrasesSplitAsOneByOne(factory.Services);

        Assert.True(triggerPhrases > 100 && mentions > 100, $"only {triggerPhrases} trigger phrases and {mentions} mentions compared");
    }

    [Fact]
    public void ANameIsFoundThroughTheWordsItIsFiledUnder()
    {
        var rules = factory.Services.GetRequiredService<RedFlagRuleBook>();
        using var found = rules.Phrases.Read("I've been on water pills and statins since my kidney disease");

        var said = rules.Described.MentionsSaid(found).Select(i => rules.Described.Mentions[i].Mention.Text).ToHashSet();

        Assert.Contains("water pills", said, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("statins", said, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("kidney disease", said, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("dialysis", said, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Today's test descriptions (rule phrases, the engine and unknown tables) and generated ones naming the book's records.</summary>
    private static List<string> Descriptions(IServiceProvider today, IServiceProvider book, int soups)
    {
        var tables = Tables
            .SelectMany(file => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RedFlagCheck", "Descriptions", file)))!.AsArray())
            .Select(c => c!["description"]!.GetValue<string>());
        return
        [
            .. DifferentialDescriptions.For(today.GetRequiredService<RedFlagRuleBook>(), soups, Seed),
            .. tables,
            .. MentionDescriptions.For(book.GetRequiredService<KnowledgeSnapshot>(), book.GetRequiredService<RedFlagRuleBook>(), 600, Seed),
            "I get cramps several times a week and my legs hurt when I walk",
        ];
    }

    /// <summary>
    /// Asserts that every trigger phrase, time phrase and record mention the rule book compiled (its words split once per
    /// text, the phrases kept by no one) has the numbers <see cref="RuleBookPhrases.ReferenceNumbers"/> gives the words
    /// <see cref="ReferencePhraseSplitting"/> splits from its text alone, in the order the book's index numbered them; returns how
    /// many trigger phrases and mentions were compared.
    /// </summary>
    private static (int TriggerPhrases, int Mentions) AssertPhrasesSplitAsOneByOne(IServiceProvider services)
    {
        var rules = services.GetRequiredService<RedFlagRuleBook>();
        var triggers = RuleBookPhrases.Triggers(rules);
        var times = rules.Described.Times;
        var mentions = rules.Described.Mentions;
        var expected = RuleBookPhrases.ReferenceNumbers(triggers.Select(t => t.Phrase.Words)
            .Concat(times.Select(t => t.Phrase.Phrase.Words))
            .Concat(mentions.Select(m => ReferencePhraseSplitting.Words(m.Mention.Text))));
        var actual = triggers.Select(t => t.Compiled).Concat(times.Select(t => t.Words)).Concat(mentions.Select(m => m.Words)).ToList();

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }

        Assert.Equal(expected.SelectMany(p => p).Where(n => n != PhraseIndex.Gap).Distinct().Count(), rules.Phrases.PhraseWordCount);
        return (triggers.Count, mentions.Count);
    }

    /// <summary>Asserts that no mention a check skips occurs, even negated; returns the share of mentions skipped.</summary>
    private static double AssertSkippedMentionsNeverOccur(IServiceProvider services, IReadOnlyList<string> descriptions)
    {
        var described = services.GetRequiredService<RedFlagRuleBook>().Described;
        return AssertSkippedNeverOccur(services, descriptions, described.MentionsSaid, [.. described.Mentions.Select(m => (m.Mention.Text, m.Words))]);
    }

    /// <summary>Asserts that no phrase a check skips occurs, even negated; returns the share of phrases skipped.</summary>
    private static double AssertSkippedNeverOccur(
        IServiceProvider services, IReadOnlyList<string> descriptions, Func<FoundPhrases, List<int>> candidates, IReadOnlyList<(string Text, int[] Words)> phrases)
    {
        var book = services.GetRequiredService<RedFlagRuleBook>().Phrases;
        long tested = 0, all = 0;
        foreach (var description in descriptions)
        {
            using var found = book.Read(description);
            var said = candidates(found).ToHashSet();
            for (var i = 0; i < phrases.Count; i++)
            {
                if (!said.Contains(i) && found.FindAnyWords(phrases[i].Words) is { } at)
                {
                    Assert.Fail($"\"{description}\" says {phrases[i].Text} at words {at.First}-{at.Last}, which the check skipped");
                }
            }

            tested += said.Count;
            all += phrases.Count;
        }

        return 1 - (double)tested / all;
    }

    /// <summary>Asserts that each description, alone and with random answers, gets the reference's answer, byte for byte; returns how many were compared.</summary>
    private static int AssertAnswersAsTheReference(IServiceProvider services, IReadOnlyList<string> descriptions)
    {
        var rules = services.GetRequiredService<RedFlagRuleBook>();
        var vocabulary = services.GetRequiredService<CheckVocabulary>();
        var directory = services.GetRequiredService<RecordDirectory>();
        var snapshot = services.GetRequiredService<KnowledgeSnapshot>();
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var referenceDescribed = new ReferenceDescribedAnswers(rules.Described.Times, rules.Described.Mentions);
        var referenceVocabulary = ReferenceCheckVocabulary.Load(snapshot, rules);
        Assert.Equal(referenceVocabulary.KnownPhraseCount, vocabulary.KnownPhraseCount);
        var random = new Random(Seed);
        var records = rules.Described.Mentions.Select(m => m.Mention.Id).Distinct().ToList();
        var compared = 0;
        foreach (var description in descriptions)
        {
            foreach (var request in new[] { new RedFlagCheckRequest(description), WithRandomAnswers(random, description, records) })
            {
                if (!new RedFlagCheckRequestValidator().Validate(request).IsValid)
                {
                    continue;
                }

                var actual = JsonSerializer.Serialize(RedFlagCheckEndpoints.Answer(request, rules, vocabulary, directory), options);
                var expected = JsonSerializer.Serialize(ReferenceAnswer(request, rules, referenceDescribed, referenceVocabulary, directory), options);

                if (actual != expected)
                {
                    Assert.Fail($"\"{description}\": expected {expected}, got {actual}");
                }

                compared++;
            }
        }

        return compared;
    }

    /// <summary>The answer composed as the endpoint composes it, from the reference parts and every red flag tested.</summary>
    private static RedFlagCheckResponse ReferenceAnswer(
        RedFlagCheckRequest request, RedFlagRuleBook rules, ReferenceDescribedAnswers described, ReferenceCheckVocabulary vocabulary, RecordDirectory directory)
    {
        var given = CheckInput.From(request, directory);
        using var found = rules.Phrases.Read(given.Description);
        var input = described.AddTo(given, found);
        var matches = rules.Entries
            .Select(e => (Entry: e, Match: e.Check(input, found)))
            .Where(m => m.Match is not null)
            .OrderByDescending(m => SeeDoctorLevels.Rank(m.Match!.SeeDoctor))
            .ThenByDescending(m => m.Entry.UrgencyRank)
            .ThenBy(m => m.Entry.Name, StringComparer.Ordinal)
            .Select(m => m.Match!)
            .ToList();
        return RedFlagCheckEndpoints.Compose(input, matches, vocabulary.Unassessed(input.Description), rules.Entries.Count);
    }

    /// <summary>The description with some answers: choices, yes/no, and records named by id (which the description may name too).</summary>
    private static RedFlagCheckRequest WithRandomAnswers(Random random, string description, List<string> records)
    {
        string? Choice(string answer) => random.Next(3) == 0 ? CheckAnswers.Find(answer)!.Values[random.Next(CheckAnswers.Find(answer)!.Values.Count)] : null;
        bool? YesNo() => random.Next(4) switch { 0 => true, 1 => false, _ => null };
        IReadOnlyList<string>? Records() => random.Next(3) == 0 ? [records[random.Next(records.Count)]] : null;
        return new RedFlagCheckRequest(
            description, Choice(CheckAnswers.Frequency), Choice(CheckAnswers.Severity), Choice(CheckAnswers.Duration), Choice(CheckAnswers.OngoingFor),
            YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), Records(), Records(), null);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
