using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrampKnowledge.Api.Tests.Endpoints;

/// <summary>
/// Every record list against a matrix of valid and invalid parameters (bounds, unknown names, blanks,
/// repeats, unparsable numbers, FluentValidation placeholders in values, several errors at once), each
/// answered as recorded from the FluentValidation-only implementation: the same status and, for a 400,
/// the same ProblemDetails byte for byte (keys, messages, their order), only the trace id aside.
/// </summary>
public partial class ListQueryAnswerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, int, string?> Answers()
    {
        var recorded = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Endpoints", "ListQueryAnswers.json")));
        var data = new TheoryData<string, int, string?>();
        foreach (var answer in recorded.EnumerateArray())
        {
            data.Add(answer.Text("url"), answer.GetProperty("status").GetInt32(), answer.TryGetProperty("body", out var body) ? body.GetString() : null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task ListQueriesAnswerAsRecorded(string url, int status, string? problem)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == status, $"{url} gave {(int)response.StatusCode}, not {status}: {body}");
        if (problem is not null)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.ToString());
            Assert.Equal(problem, TraceId().Replace(body, "\"traceId\":\"*\""));
        }
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
