using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Bench.Growth;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Queries;

/// <summary>
/// Typo suggestions come from <see cref="NearestTermIndex"/>, which measures only a few candidates: it must suggest
/// exactly what comparing with every record word suggests (<see cref="ReferenceNearestTerms"/>), in the same order,
/// for typos of every record word, pieces of them and random words, at the real content and at ten times it.
/// </summary>
public sealed class NearestTermIndexTests(ApiFactory factory) : IClassFixture<ApiFactory>, IDisposable
{
    private const int Seed = 20261206;
    private const string Letters = "abcdefghijklmnopqrstuvwxyz -'éAZ0123456789";

    private readonly string _root = Directory.CreateTempSubdirectory("crampknowledge-nearest-").FullName;

    [Fact]
    public void SuggestionsForRecordsMatchComparingWithEveryWord()
    {
        var directory = factory.Services.GetRequiredService<RecordDirectory>();

        AssertSameSuggestions(directory, wordsPerKind: int.MaxValue);
    }

    [Fact]
    public void AtTenTimesTheContentSuggestionsMatchComparingWithEveryWord()
    {
        var seed = Path.Combine(_root, "seed-data");
        SyntheticSeedData.Generate(TestJson.SeedDirectory, seed, 10);
        using (var api = new ApiFactory { DatabasePath = Path.Combine(_root, "knowledge.db"), SeedDataPath = seed })
        {
            AssertSameSuggestions(api.Services.GetRequiredService<RecordDirectory>(), wordsPerKind: 600);
        }

        ApiFactory.ReleaseFile(Path.Combine(_root, "knowledge.db"));
    }

    [Fact]
    public void FewerAllowedEditsAndAFilterGiveTheSameAnswerAsTheReference()
    {
        var directory = factory.Services.GetRequiredService<RecordDirectory>();
        var words = directory.Entries(RecordKind.Cause).SelectMany(e => e.Aliases.Prepend(e.Name).Prepend(e.Id).Select(w => (w, e.Id))).ToList();
        var index = new NearestTermIndex(words);
        var random = new Random(Seed);
        foreach (var input in Inputs(words.Select(w => w.w).ToList(), random))
        {
            foreach (var maxEdits in new[] { 0, 1, 2, 4 })
            {
                Assert.Equal(
                    ReferenceNearestTerms.Find(input, words.Where(w => w.w.Length > 0 && w.w[0] != 'a'), max: 5, maxEdits),
                    index.Find(input, max: 5, maxEdits, accept: w => w.Length > 0 && w[0] != 'a'));
            }
        }
    }

    [Fact]
    public void TheCommonTyposAreStillSuggested()
    {
        var directory = factory.Services.GetRequiredService<RecordDirectory>();

        Assert.Contains("dehydration", directory.SuggestRecords(RecordKind.Cause, "dehidration"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void AssertSameSuggestions(RecordDirectory directory, int wordsPerKind)
    {
        var random = new Random(Seed);
        var compared = 0;
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            var words = directory.Entries(kind).SelectMany(e => e.Aliases.Prepend(e.Name).Prepend(e.Id).Select(w => (w, e.Id))).ToList();
            var sample = words.Select(w => w.w).OrderBy(_ => random.Next()).Take(wordsPerKind).ToList();
            foreach (var input in Inputs(sample, random))
            {
                Assert.Equal(ReferenceNearestTerms.Find(input, words), directory.SuggestRecords(kind, input));
                compared++;
            }
        }

        Assert.True(compared > 1000, $"only {compared} inputs compared");
    }

    /// <summary>Each word with one and with two random edits, a piece of it, and random words of 1 to 45 letters.</summary>
    private static IEnumerable<string> Inputs(IReadOnlyList<string> words, Random random)
    {
        foreach (var word in words)
        {
            yield return word;
            yield return Edit(word, 1, random);
            yield return Edit(word, 2, random);
            var start = random.Next(word.Length);
            yield return word.Substring(start, random.Next(word.Length - start + 1));
        }

        for (var i = 0; i < 300; i++)
        {
            yield return new string(Enumerable.Range(0, random.Next(1, 46)).Select(_ => Letters[random.Next(Letters.Length)]).ToArray());
        }

        yield return new string('x', 101);
        yield return "  ";
    }

    private static string Edit(string word, int edits, Random random)
    {
        var letters = word.ToList();
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(letters.Count + 1);
            var letter = Letters[random.Next(Letters.Length)];
            switch (random.Next(4))
            {
                case 0:
                    letters.Insert(at, letter);
                    break;
                case 1 when at < letters.Count:
                    letters.RemoveAt(at);
                    break;
                case 2 when at < letters.Count:
                    letters[at] = letter;
                    break;
                case 3 when at + 1 < letters.Count:
                    (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
                    break;
            }
        }

        return new string(letters.ToArray());
    }
}
