using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
/// <see cref="RedFlagCheckResponseWriter"/> against the serializer it replaced (what <c>TypedResults.Ok</c>
/// wrote: the response record with the app's JSON options): the same bytes for thousands of checks built from
/// the differential descriptions and every kind of answer, and the same bytes over HTTP, now with a Content-Length.
/// </summary>
public class RedFlagCheckResponseDifferentialTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Seed = 20261121;

    private static readonly string[] UnknownWords = ["diabetis", "gout", "xyzzy", "water pill s", "stretchin", "Ünïcödé “word”", "<script>", "a\"b\\c"];

    private readonly RedFlagRuleBook _rules = factory.Services.GetRequiredService<RedFlagRuleBook>();
    private readonly CheckVocabulary _vocabulary = factory.Services.GetRequiredService<CheckVocabulary>();
    private readonly RecordDirectory _directory = factory.Services.GetRequiredService<RecordDirectory>();
    private readonly RedFlagCheckResponseWriter _writer = factory.Services.GetRequiredService<RedFlagCheckResponseWriter>();
    private readonly JsonSerializerOptions _options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    [Fact]
    public void EveryAnswerIsTheBytesTheSerializerWrites()
    {
        var random = new Random(Seed);
        var coverage = new Coverage();
        var requests = DifferentialDescriptions.For(_rules, soups: 3000, Seed)
            .Select(d => RandomRequest(random, d))
            .Concat(CheckAnswers.All.SelectMany(EveryValueOf))
            .Append(JsonSerializer.Deserialize<RedFlagCheckRequest>(RedFlagCheckExamples.RequestExample().ToJsonString(), _options)!)
            .ToList();

        foreach (var request in requests)
        {
            var response = RedFlagCheckEndpoints.Answer(request, _rules, _vocabulary, _directory);

            var expected = Serialized(response);
            var actual = Written(response);

            if (!expected.AsSpan().SequenceEqual(actual))
            {
                Assert.Fail($"{JsonSerializer.Serialize(request, _options)}:\nexpected {Encoding.UTF8.GetString(expected)}\nactual   {Encoding.UTF8.GetString(actual)}");
            }

            coverage.Add(response, expected);
        }

        Assert.True(requests.Count > 10_000, $"only {requests.Count} requests");
        coverage.AssertBroad();
    }

    [Fact]
    public void ARecordTheBookDidNotProduceIsWrittenInFullAsTheSerializerWritesIt()
    {
        var entry = _rules.Entries[0];
        var citation = new Citation("source", "Title “quoted”", "A quote with <tags> & \"quotes\"", "common", "can");
        var reason = new RedFlagReason("Text “x”.", ["é", "\uD800"], [new GivenAnswer("conditions", "id", "word", null)], "soon", 3,
            new RuleBasis("s", "T", "q"), "a note");
        var responses = new[]
        {
            new RedFlagCheckResponse("soon", ["swollen", "“é”"], SeeDoctorLevels.UnassessedNote, [new RedFlagMatch(entry.Id, entry.Name + " ", entry.Urgency, entry.Summary, "soon", [reason], entry.Citations)], [], [], 1, "other"),
            new RedFlagCheckResponse("soon", [], "another note <b>", [new RedFlagMatch(entry.Id, entry.Name, entry.Urgency, entry.Summary, "soon", [reason], [citation])], [], [], 1, Disclaimer.Text),
            new RedFlagCheckResponse("none", [], null, [new RedFlagMatch("not-a-red-flag", "N", "caution", "S", "none", [], [])],
                [new RecognizedWord("conditions", "w", "cause", "i", "n")], [new UnrecognizedWord("medications", "w", [])], 0, Disclaimer.Text),
        };

        Assert.All(responses, response => Assert.Equal(Encoding.UTF8.GetString(Serialized(response)), Encoding.UTF8.GetString(Written(response))));
    }

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
            Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
        }
    }

    private byte[] Serialized(RedFlagCheckResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, _options);

    private byte[] Written(RedFlagCheckResponse response)
    {
        var output = new ArrayBufferWriter<byte>();
        _writer.Write(response, output);
        return output.WrittenSpan.ToArray();
    }

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

    /// <summary>One request per value of an answer, alone: each choice, true and false, and each record's id.</summary>
    private IEnumerable<RedFlagCheckRequest> EveryValueOf(CheckAnswer answer)
    {
        var fields = new JsonObject();
        IEnumerable<JsonNode?> values = answer.Kind switch
        {
            CheckAnswerKind.Choice => answer.Values.Select(v => JsonValue.Create(v)),
            CheckAnswerKind.YesNo => [JsonValue.Create(true), JsonValue.Create(false)],
            _ => answer.LooksUp.SelectMany(_directory.Entries).Select(e => new JsonArray(e.Id, e.Name)),
        };

        foreach (var value in values)
        {
            fields[answer.Name] = value;
            yield return JsonSerializer.Deserialize<RedFlagCheckRequest>(fields.ToJsonString(), _options)!;
        }
    }

    /// <summary>Counts of what the compared answers contained, so the comparison cannot pass on answers that say little.</summary>
    private sealed class Coverage
    {
        private readonly HashSet<string> _redFlags = [];
        private readonly HashSet<string> _seeDoctor = [];
        private int _reasons;
        private int _bases;
        private int _notes;
        private int _wordAnswers;
        private int _recognized;
        private int _unrecognized;
        private int _escaped;
        private int _unassessed;
        private int _unassessedEscaped;
        private int _checkNotes;

        public void Add(RedFlagCheckResponse response, byte[] json)
        {
            _seeDoctor.Add(response.SeeDoctor);
            foreach (var match in response.Matches)
            {
                _redFlags.Add(match.Id);
                foreach (var reason in match.Reasons)
                {
                    _reasons++;
                    _bases += reason.Basis is null ? 0 : 1;
                    _notes += reason.Note is null ? 0 : 1;
                    _wordAnswers += reason.Answers.Count(a => a.Word is not null);
                }
            }

            _recognized += response.Recognized.Count;
            _unrecognized += response.Unrecognized.Count;
            _unassessed += response.Unassessed.Count;
            _unassessedEscaped += response.Unassessed.Count(w => w.Any(c => !char.IsAsciiLetterOrDigit(c) && c != ' '));
            _checkNotes += response.Note is null ? 0 : 1;
            // Phrases are the person's own words: the ones with characters the encoder escapes (non-ASCII, quotes, <, &) test the escaping.
            _escaped += response.Matches.Sum(m => m.Reasons.Sum(r => r.Phrases.Count(p => p.Any(c => !char.IsAsciiLetterOrDigit(c) && c != ' '))));
        }

        public void AssertBroad()
        {
            Assert.Equal(SeeDoctorLevels.All.Order(), _seeDoctor.Order());
            Assert.True(_redFlags.Count >= 10, $"only {_redFlags.Count} red flags matched");
            Assert.True(_reasons > 20_000, $"only {_reasons} reasons");
            Assert.True(_bases > 1_000, $"only {_bases} reasons with a basis");
            Assert.True(_notes > 5_000, $"only {_notes} reasons with a note");
            Assert.True(_wordAnswers > 1_000, $"only {_wordAnswers} answers with a word");
            Assert.True(_recognized > 5_000, $"only {_recognized} recognized words");
            Assert.True(_unrecognized > 3_000, $"only {_unrecognized} unrecognized words");
            Assert.True(_escaped > 300, $"only {_escaped} phrases with characters to escape");
            Assert.True(_unassessed > 3_000, $"only {_unassessed} unassessed words");
            Assert.True(_unassessedEscaped > 100, $"only {_unassessedEscaped} unassessed words with characters to escape");
            Assert.True(_checkNotes > 1_000, $"only {_checkNotes} answers with the note");
        }
    }
}
