using System.Net;
using System.Text;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.RedFlagChecks;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// The check request's plain validity test (what lets a valid request skip FluentValidation) against
/// the FluentValidation rules it stands in for: a request it calls valid must have no error, and one
/// with an error must still get the validator's ProblemDetails over HTTP.
/// </summary>
public class RedFlagCheckValidationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Seed = 20261121;

    private static readonly string?[] Texts =
    [
        null, "", " ", "\t\u00a0", "often", " Often ", "OFTEN", "often.", "mild", "severe ", "Seconds", "hours", "days", "cramps",
        new string('a', RedFlagCheckRequestValidator.MaxWordLength), new string('a', RedFlagCheckRequestValidator.MaxWordLength + 1),
        new string('x', RedFlagCheckRequestValidator.MaxDescriptionLength), new string('x', RedFlagCheckRequestValidator.MaxDescriptionLength + 1),
    ];

    private readonly RedFlagCheckRequestValidator _validator = (RedFlagCheckRequestValidator)factory.Services.GetRequiredService<IValidator<RedFlagCheckRequest>>();
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public void ThePlainTestCallsValidExactlyWhatTheValidatorFindsNoErrorIn()
    {
        var random = new Random(Seed);
        var requests = Enumerable.Range(0, 20_000).Select(_ => RandomRequest(random)).ToList();

        var outcomes = requests.Select(r => (Plain: _validator.IsPlainlyValid(r), Full: _validator.Validate(r).IsValid)).ToList();

        var disagreement = outcomes.FindIndex(o => o.Plain != o.Full);
        Assert.True(disagreement < 0, disagreement < 0 ? "" : $"plain {outcomes[disagreement].Plain}, validator {outcomes[disagreement].Full}: {requests[disagreement]}");
        Assert.InRange(outcomes.Count(o => o.Full), 1_000, 19_000);
    }

    [Theory]
    [InlineData("""{"frequency":" OFTEN\t"}""")]
    [InlineData("""{"severity":"Severe","description":"   "}""")]
    [InlineData("""{"duration":"","predictable":false}""")]
    [InlineData("""{"conditions":[],"suddenPain":true}""")]
    [InlineData("""{"medications":["WORD"]}""")]
    public async Task ARequestAtTheEdgeOfTheRulesIsAnswered(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ListsAtTheirLimitsAreAnsweredAndOneWordMoreIsNot()
    {
        var longest = new string('w', RedFlagCheckRequestValidator.MaxWordLength);
        var full = Enumerable.Repeat(longest, RedFlagCheckRequestValidator.MaxWords).ToArray();

        using var answered = await PostAsync(JsonSerializer.Serialize(new { treatments = full, description = new string('x', RedFlagCheckRequestValidator.MaxDescriptionLength) }));
        var tooMany = await _client.CheckRejectedAsync(JsonSerializer.Serialize(new { treatments = full.Append("one").ToArray() }), "treatments");
        var tooLong = await _client.CheckRejectedAsync(JsonSerializer.Serialize(new { conditions = new[] { longest + "w" } }), "conditions[0]");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("treatments takes at most 20 words.", tooMany.GetProperty("detail").GetString());
        Assert.Equal("The length of 'conditions' must be 200 characters or fewer. You entered 201 characters.",
            tooLong.GetProperty("detail").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await _client.PostAsync(RedFlagCheckHttp.CheckUrl, content);
    }

    private static RedFlagCheckRequest RandomRequest(Random random)
    {
        string? Text() => random.Next(3) == 0 ? Texts[random.Next(Texts.Length)] : null;
        bool? YesNo() => random.Next(8) switch { 0 => true, 1 => false, _ => null };
        IReadOnlyList<string>? Words() => random.Next(4) switch
        {
            0 => [],
            1 => [.. Enumerable.Range(0, random.Next(RedFlagCheckRequestValidator.MaxWords - 2, RedFlagCheckRequestValidator.MaxWords + 3)).Select(_ => "word")],
            2 => [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Texts[random.Next(Texts.Length)]!)],
            _ => null,
        };

        var choice = CheckAnswers.Find(CheckAnswers.Frequency)!.Values;
        return new RedFlagCheckRequest(
            Text(), random.Next(3) == 0 ? choice[random.Next(choice.Count)] : Text(), Text(), Text(), Text(),
            YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), Words(), Words(), Words());
    }
}
