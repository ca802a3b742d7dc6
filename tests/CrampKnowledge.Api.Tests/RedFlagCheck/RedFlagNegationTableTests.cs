using System.Text.Json.Nodes;
using CrampKnowledge.Api.Data.RedFlagChecks;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// Every entry of <see cref="NegationCues"/> does what its list says, over HTTP: each cue denies "sudden pain"
/// after it (in each spelling of a contraction), each pseudo-negation does not, each terminator and each clause
/// opener after "and" ends the scope, and the window ends where NegEx's does.
/// </summary>
public class RedFlagNegationTableTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string RedFlag = "frequent-or-severe-cramps";

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> CueSpellings() =>
    [
        .. NegationCues.Cues.SelectMany(c => c.Contains('\'', StringComparison.Ordinal)
            ? new[] { c, c.Replace('\'', '\u2019'), c.Replace("'", "", StringComparison.Ordinal), c.ToUpperInvariant() }
            : [c, c.ToUpperInvariant()]),
    ];

    public static TheoryData<string> PseudoNegations() => [.. NegationCues.PseudoNegations];

    public static TheoryData<string> Terminators() => [.. NegationCues.Terminators];

    public static TheoryData<string> ClauseOpeners() => [.. NegationCues.ClauseOpeners];

    [Theory]
    [MemberData(nameof(CueSpellings))]
    public async Task EveryCueDeniesTheWarningSignAfterIt(string cue)
    {
        Assert.DoesNotContain(RedFlag, await MatchesFor($"Cramps in my calf, {cue} sudden pain"));
        Assert.Contains(RedFlag, await MatchesFor($"Cramps in my calf, {cue} cramps. Sudden pain"));
    }

    [Theory]
    [MemberData(nameof(PseudoNegations))]
    public async Task APseudoNegationDeniesNothing(string pseudo)
    {
        Assert.Contains(RedFlag, await MatchesFor($"{pseudo} sudden pain in my calf"));
    }

    [Theory]
    [MemberData(nameof(Terminators))]
    public async Task ATerminatorEndsTheScope(string terminator)
    {
        Assert.Contains(RedFlag, await MatchesFor($"no cramps {terminator} sudden pain in my calf"));
    }

    [Theory]
    [MemberData(nameof(ClauseOpeners))]
    public async Task AndBeforeAClauseOpenerEndsTheScope(string opener)
    {
        Assert.Contains(RedFlag, await MatchesFor($"not severe and {opener} sudden pain"));
    }

    [Theory]
    [InlineData("no cramps and sudden pain")]
    [InlineData("no cramps or sudden pain")]
    [InlineData("no cramps in calf or sudden pain")]
    public async Task AndOrOrJoiningWhatTheCueDeniesKeepTheScope(string description)
    {
        Assert.DoesNotContain(RedFlag, await MatchesFor(description));
    }

    [Fact]
    public async Task TheScopeIsFiveWordsLongAndContractionTailsDoNotCount()
    {
        Assert.DoesNotContain(RedFlag, await MatchesFor("not one two three four sudden pain"));
        Assert.Contains(RedFlag, await MatchesFor("not one two three four five sudden pain"));
        Assert.DoesNotContain(RedFlag, await MatchesFor("not it's they're we've I'd sudden pain"));
        Assert.Contains(RedFlag, await MatchesFor("no cramps in the calf or sudden pain"));
    }

    private async Task<List<string>> MatchesFor(string description) =>
        (await _client.CheckAsync(new JsonObject { ["description"] = description })).MatchIds();
}
