using CrampKnowledge.Api.Data.RedFlagChecks;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// Descriptions/unknown-cases.json over HTTP, one row each: uncovered warning signs answer unknown with the
/// words no rule can assess, fully understood ordinary descriptions answer none, and a rule that matches
/// still wins over unknown with the words listed.
/// </summary>
public class UnknownCasesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyList<Case>> Cases = new(() =>
        JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RedFlagCheck", "Descriptions", "unknown-cases.json")), Options)!);

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Descriptions() => [.. Cases.Value.Select(c => c.Description)];

    [Fact]
    public void TheTableCoversEveryLevelWithAtLeastFortyRows()
    {
        Assert.True(Cases.Value.Count >= 40, $"only {Cases.Value.Count} rows");
        Assert.Equal(Cases.Value.Count, Cases.Value.Select(c => c.Description).Distinct().Count());
        Assert.Equal(["none", "promptly", "soon", "unknown"], Cases.Value.Select(c => c.SeeDoctor).Distinct().Order());
        Assert.All(Cases.Value, c => Assert.False(string.IsNullOrWhiteSpace(c.Why), $"{c.Description} says no why"));
    }

    [Theory]
    [MemberData(nameof(Descriptions))]
    public async Task TheCheckAnswersTheRowsLevelAndUnassessedWords(string description)
    {
        var row = Cases.Value.Single(c => c.Description == description);

        var check = await _client.CheckAsync(new JsonObject { ["description"] = description });

        var because = $"{description} ({row.Why}) gave {check}";
        Assert.True(row.SeeDoctor == check.SeeDoctor(), because);
        Assert.True(row.Unassessed.SequenceEqual(check.GetProperty("unassessed").StringList()), because);
        Assert.All(row.MustMatch, id => Assert.True(check.MatchIds().Contains(id), $"{id} must match: {because}"));
        Assert.All(row.MustNotMatch, id => Assert.False(check.MatchIds().Contains(id), $"{id} must not match: {because}"));
        // Unassessed words bring their note whatever the level; a none brings its own; only a see-a-doctor answer goes without.
        var expectedNote = row.Unassessed.Count > 0 ? SeeDoctorLevels.UnassessedNote
            : row.SeeDoctor == SeeDoctorLevels.None ? SeeDoctorLevels.NothingMatchedNote
            : null;
        Assert.True(expectedNote == (check.TryGetProperty("note", out var note) ? note.GetString() : null), because);
    }

    private sealed record Case(
        string Description, string SeeDoctor, IReadOnlyList<string> Unassessed, IReadOnlyList<string> MustMatch,
        IReadOnlyList<string> MustNotMatch, string Why);
}
