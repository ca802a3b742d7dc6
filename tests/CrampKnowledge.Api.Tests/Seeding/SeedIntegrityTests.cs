using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>
/// The curated seed files checked on their own terms, parsed here rather than by the API's loader,
/// so a loader bug cannot hide a data mistake.
/// </summary>
public partial class SeedIntegrityTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly JsonElement Sources = TestJson.ReadSeed("sources.json");
    private static readonly JsonElement Vocabulary = TestJson.ReadSeed("vocabulary.json");
    private static readonly JsonElement Links = TestJson.ReadSeed("links.json");
    private static readonly JsonElement Contested = TestJson.ReadSeed("contested.json");

    [Fact]
    public void EveryQuoteIsFoundVerbatimInItsSourceAndCarriesItsCertaintyPhrase()
    {
        var texts = SourceTexts().ToDictionary(s => s.Id, s => TestJson.Collapse(s.Text));
        var certainties = Terms("certainties");
        var problems = new List<string>();

        foreach (var (where, citation) in Citations())
        {
            var quote = TestJson.Collapse(citation.Text("quote"));
            if (!texts.TryGetValue(citation.Text("source"), out var text) || !text.Contains(quote, StringComparison.Ordinal))
            {
                problems.Add($"{where}: quote not in '{citation.Text("source")}': {quote}");
            }

            if (!quote.Contains(TestJson.Collapse(citation.Text("certaintyPhrase")), StringComparison.Ordinal))
            {
                problems.Add($"{where}: certaintyPhrase '{citation.Text("certaintyPhrase")}' is not in its quote");
            }

            if (!certainties.Contains(citation.Text("certainty")))
            {
                problems.Add($"{where}: unknown certainty '{citation.Text("certainty")}'");
            }
        }

        Assert.True(texts.Count > 0 && Citations().Any(), "no sources or citations were read");
        TestJson.AssertNone(problems);
    }

    [Fact]
    public void EveryLinkEndAndContestedConcernResolves()
    {
        var ids = TestJson.RecordPlurals.ToDictionary(p => p[..^1], p => TestJson.SeedRecords(p).Select(r => r.Text("id")).ToHashSet());
        var ends = new Dictionary<string, string[]>
        {
            ["causeTreatments"] = ["cause", "treatment"], ["causePreventions"] = ["cause", "prevention"],
            ["causeRedFlags"] = ["cause", "redFlag"], ["treatmentCautions"] = ["treatment", "redFlag"],
        };

        var missing = Links.EnumerateObject()
            .SelectMany(list => list.Value.EnumerateArray().SelectMany(link => ends[list.Name]
                .Where(end => !ids[end == "redFlag" ? "red-flag" : end].Contains(link.Text(end)))
                .Select(end => $"{list.Name}: {end} '{link.Text(end)}'")))
            .Concat(Contested.EnumerateArray().SelectMany(point => point.GetProperty("concerns").EnumerateArray()
                .Where(c => !ids.TryGetValue(c.Text("type"), out var known) || !known.Contains(c.Text("id")))
                .Select(c => $"contested {point.Text("id")}: {c.Text("type")} '{c.Text("id")}'")))
            .ToList();

        Assert.Equal(ends.Keys.Order(StringComparer.Ordinal), Links.EnumerateObject().Select(l => l.Name).Order(StringComparer.Ordinal));
        TestJson.AssertNone(missing);
    }

    [Fact]
    public void IdsAreKebabCaseAndUniquePerType()
    {
        var idLists = TestJson.RecordPlurals.Select(p => (p, TestJson.SeedRecords(p).Select(r => r.Text("id")).ToList()))
            .Append(("sources", Sources.EnumerateArray().Select(s => s.Text("id")).ToList()))
            .Append(("contested", Contested.EnumerateArray().Select(c => c.Text("id")).ToList()));

        foreach (var (type, ids) in idLists)
        {
            Assert.All(ids, id => Assert.Matches(KebabCase(), id));
            Assert.True(ids.Count == ids.Distinct().Count(), $"{type} repeats an id: {string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))}");
        }
    }

    [Fact]
    public void NamesAndAliasesNameOnlyOneRecordPerType()
    {
        foreach (var plural in TestJson.RecordPlurals)
        {
            var words = TestJson.SeedRecords(plural)
                .SelectMany(r => r.GetProperty("aliases").Texts().Append(r.Text("name")).Append(r.Text("id"))
                    .Select(w => w.Trim().ToLowerInvariant()).Distinct().Select(w => (Word: w, Id: r.Text("id"))));

            var shared = words.GroupBy(w => w.Word).Where(g => g.Count() > 1).Select(g => $"'{g.Key}': {string.Join(", ", g.Select(w => w.Id))}");

            Assert.True(!shared.Any(), $"{plural}: {string.Join("; ", shared)}");
        }
    }

    [Fact]
    public void EverySourceIsCitedAndItsFileMatchesItsSha256()
    {
        var cited = Citations().Select(c => c.Citation.Text("source")).ToHashSet();

        foreach (var source in Sources.EnumerateArray())
        {
            var bytes = File.ReadAllBytes(Path.Combine(TestJson.SeedDirectory, source.Text("file")));
            Assert.Equal(source.Text("sha256"), Convert.ToHexStringLower(SHA256.HashData(bytes)), ignoreCase: true);
            Assert.Contains(source.Text("id"), cited);
        }

        Assert.Equal(Directory.GetFiles(Path.Combine(TestJson.SeedDirectory, "sources")).Length, Sources.GetArrayLength());
    }

    [Fact]
    public void SummariesAreInOurOwnWords()
    {
        var sourceRuns = SourceTexts().SelectMany(s => Runs(s.Text)).ToHashSet();
        var summaries = TestJson.RecordPlurals.SelectMany(p => TestJson.SeedRecords(p).Select(r => ($"{p} {r.Text("id")}", r.Text("summary"))))
            .Concat(Contested.EnumerateArray().Select(c => ($"contested {c.Text("id")}", c.Text("summary"))))
            .Concat(Sources.EnumerateArray().Select(s => ($"sources {s.Text("id")}", s.Text("summary"))));

        var copied = summaries.SelectMany(s => Runs(s.Item2).Where(sourceRuns.Contains).Take(1).Select(run => $"{s.Item1}: \"{run}\"")).ToList();

        Assert.True(sourceRuns.Count > 100, "the source texts gave too few word runs to compare with");
        TestJson.AssertNone(copied);
    }

    [Fact]
    public void EveryRecordHasAKnownCategoryAndEveryRedFlagAKnownUrgency()
    {
        var urgencies = Terms("urgencies");

        foreach (var plural in TestJson.RecordPlurals)
        {
            var categories = Vocabulary.GetProperty("categories").GetProperty(plural[..^1]).EnumerateArray().Select(t => t.Text("id")).ToHashSet();
            Assert.All(TestJson.SeedRecords(plural), r => Assert.Contains(r.Text("category"), categories));
            Assert.All(TestJson.SeedRecords(plural), r => Assert.Equal(plural == "red-flags", r.TryGetProperty("urgency", out _)));
        }

        Assert.All(TestJson.SeedRecords("red-flags"), r => Assert.Contains(r.Text("urgency"), urgencies));
    }

    [Fact]
    public void EveryContestedPointHasTwoOrMoreSidesEachWithCitations()
    {
        Assert.All(Contested.EnumerateArray(), point =>
        {
            var sides = point.GetProperty("sides").EnumerateArray().ToList();
            Assert.True(sides.Count >= 2, $"{point.Text("id")} has {sides.Count} side(s)");
            Assert.All(sides, side => Assert.NotEmpty(side.GetProperty("citations").EnumerateArray()));
            Assert.NotEmpty(point.GetProperty("concerns").EnumerateArray());
        });
    }

    [Theory]
    [InlineData("causes")]
    [InlineData("treatments")]
    [InlineData("preventions")]
    [InlineData("red-flags")]
    public async Task EveryRecordCanBeFoundByItsNameAndEachAlias(string plural)
    {
        using var client = factory.CreateClient();
        var misses = new List<string>();

        foreach (var record in TestJson.SeedRecords(plural))
        {
            foreach (var word in record.GetProperty("aliases").Texts().Prepend(record.Text("name")))
            {
                var list = await client.GetOkAsync($"/api/v1/{plural}?q={Uri.EscapeDataString(word)}&pageSize=100");
                if (!list.ItemIds().Contains(record.Text("id")))
                {
                    misses.Add($"q={word} does not find {record.Text("id")}");
                }
            }
        }

        TestJson.AssertNone(misses);
    }

    private static IEnumerable<(string Id, string Text)> SourceTexts() =>
        Sources.EnumerateArray().Select(s => (s.Text("id"), File.ReadAllText(Path.Combine(TestJson.SeedDirectory, s.Text("file")))));

    private static HashSet<string> Terms(string vocabulary) =>
        Vocabulary.GetProperty(vocabulary).EnumerateArray().Select(t => t.Text("id")).ToHashSet();

    /// <summary>Every citation in the seed with where it sits, for messages.</summary>
    private static IEnumerable<(string Where, JsonElement Citation)> Citations() =>
        TestJson.RecordPlurals.SelectMany(p => TestJson.SeedRecords(p).SelectMany(r => r.GetProperty("citations").EnumerateArray().Select(c => ($"{p}.json {r.Text("id")}", c))))
            .Concat(Links.EnumerateObject().SelectMany(list => list.Value.EnumerateArray().SelectMany((l, i) =>
                l.GetProperty("citations").EnumerateArray().Select(c => ($"links.json {list.Name}[{i}]", c)))))
            .Concat(Contested.EnumerateArray().SelectMany(p => p.GetProperty("sides").EnumerateArray().SelectMany(s =>
                s.GetProperty("citations").EnumerateArray().Select(c => ($"contested.json {p.Text("id")}", c)))));

    /// <summary>Every run of eight consecutive words, lower-cased, with punctuation dropped.</summary>
    private static IEnumerable<string> Runs(string text)
    {
        var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value.Replace('’', '\'')).ToList();
        return Enumerable.Range(0, Math.Max(0, words.Count - 7)).Select(i => string.Join(' ', words.Skip(i).Take(8)));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*")]
    private static partial Regex Word();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
