using System.Net;
using System.Text;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Endpoints;
using CrampKnowledge.Api.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Tests.RedFlagCheck;

/// <summary>
/// The check's answer over HTTP is what the serializer writes for the response record with the app's JSON options
/// (the generated contract metadata first), for random requests built from the differential descriptions, and it goes
/// out in one piece with its Content-Length rather than streamed in chunks.
/// </summary>
public class RedFlagCheckAnswerBodyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Seed = 20261121;

    private static readonly string[] UnknownWords = ["diabetis", "gout", "xyzzy", "water pill s", "stretchin", "Ünïcödé “word”", "<script>", "a\"b\\c"];

    private readonly RedFlagRuleBook _rules = factory.Services.GetRequiredService<RedFlagRuleBook>();
    private readonly CheckVocabulary _vocabulary = factory.Services.GetRequiredService<CheckVocabulary>();
    private readonly RecordDirectory _directory = factory.Services.GetRequiredService<RecordDirectory>();
    private readonly JsonSerializerOptions _options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    [Fact]
    public async Task OverHttpTheAnswerIsTheSerializersBytesInOnePieceWithItsLength()
    {
        var random = new Random(Seed + 1);
        var descriptions = DifferentialDescriptions.For(_rules, soups: 50, Seed + 1);
        var requests = Enumerable.Range(0, 150).Select(_ => RandomRequest(random, descriptions[random.Next(descriptions.Count)]))
            .Where(r => new RedFlagCheckRequestValidator().Validate(r).IsValid)
            .Select(r => JsonSerializer.Serialize(r, _options))
            .Append("""{"description":"I get cramps several times a week and my legs hurt when I walk","frequency":"often","painWhenWalking":true}""")
            .Append(RedFlagCheckExamples.RequestExample().ToJsonString())
            .ToList();
        using var client = factory.CreateClient();

        foreach (var body in requests)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(RedFlagCheckHttp.CheckUrl, content);
            var actual = await response.Content.ReadAsByteArrayAsync();
            var request = JsonSerializer.Deserialize<RedFlagCheckRequest>(body, _options)!;
            var expected = Serialized(RedFlagCheckEndpoints.Answer(request, _rules, _vocabulary, _directory));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{body} gave {(int)response.StatusCode}: {Encoding.UTF8.GetString(actual)}");
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal(expected.Length, response.SentContentLength());
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        }
    }

    private byte[] Serialized(RedFlagCheckResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, _options);

    /// <summary>A description with random answers: any choice in any case and spacing, yes/no either way, known and unknown words.</summary>
    private RedFlagCheckRequest RandomRequest(Random random, string description)
    {
        string? Choice(string answer)
        {
            var values = CheckAnswers.Find(answer)!.Values;
            return random.Next(3) switch
            {
                0 => null,
                1 => values[random.Next(values.Count)],
                _ => $" {values[random.Next(values.Count)].ToUpperInvariant()} ",
            };
        }

        bool? YesNo() => random.Next(3) switch { 0 => null, 1 => true, _ => false };

        IReadOnlyList<string>? Words(string answer) => random.Next(3) == 0
            ? null
            : Enumerable.Range(0, random.Next(4)).Select(_ => Word(random, answer)).ToList();

        return new RedFlagCheckRequest(
            random.Next(8) == 0 ? null : description,
            Choice(CheckAnswers.Frequency), Choice(CheckAnswers.Severity), Choice(CheckAnswers.Duration), Choice(CheckAnswers.OngoingFor),
            YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(), YesNo(),
            Words(CheckAnswers.Conditions), Words(CheckAnswers.Medications), Words(CheckAnswers.Treatments));
    }

    /// <summary>A record's id, name or alias in some case, a misspelling of one, or a word that names nothing.</summary>
    private string Word(Random random, string answer)
    {
        var records = CheckAnswers.Find(answer)!.LooksUp.SelectMany(_directory.Entries).ToList();
        var record = records[random.Next(records.Count)];
        var spellings = record.Aliases.Append(record.Id).Append(record.Name).ToList();
        var word = spellings[random.Next(spellings.Count)];
        return random.Next(6) switch
        {
            0 => word.ToUpperInvariant(),
            1 => word.Length > 4 ? word.Remove(random.Next(word.Length), 1) : word,
            2 => UnknownWords[random.Next(UnknownWords.Length)],
            _ => word,
        };
    }
}
