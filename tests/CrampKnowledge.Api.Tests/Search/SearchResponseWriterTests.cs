using System.Buffers;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Endpoints;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// The search answer written property by property, with each record's citations spliced in, against
/// what the serializer writes for the same response: the same bytes for every word of the corpus,
/// phrases, every type, with and without hits, and through HTTP with a Content-Length.
/// </summary>
public sealed class SearchResponseWriterTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly SearchVocabulary _vocabulary = factory.Services.GetRequiredService<SearchVocabulary>();
    private readonly KnowledgeSearch _search = factory.Services.GetRequiredService<KnowledgeSearch>();
    private readonly SearchIndex _index = factory.Services.GetRequiredService<SearchIndex>();
    private readonly SearchResponseWriter _writer = factory.Services.GetRequiredService<SearchResponseWriter>();
    private readonly JsonSerializerOptions _options = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    [Fact]
    public void EveryWordAndPhraseOfTheCorpusIsWrittenAsTheSerializerWritesIt()
    {
        var questions = _index.Terms
            .Concat(["why do my legs cramp at night", "water pills", "charley horse", "dehidration", "zzzz", "<b>\"quotes\" & ünïcödé</b>",
                "heat or ice", "cramp in my thigh", "can I massage my calf after I hurt it yesterday", "how do I stop a cramp right now"])
            .ToList();
        var compared = 0;
        foreach (var question in questions)
        {
            foreach (var types in new[] { SearchQuery.DefaultTypes, SearchQuery.KnownTypes, ["source"] })
            {
                var response = SearchEndpoints.Answer(question, types, 50, _vocabulary, _search);

                var written = new ArrayBufferWriter<byte>();
                _writer.Write(response, written);

                Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(response, _options), written.WrittenSpan.ToArray());
                compared += response.Hits.Count;
            }
        }

        Assert.True(compared > 12_000, $"only {compared} hits compared");
    }

    [Theory]
    [InlineData("/api/v1/search?q=why%20do%20my%20legs%20cramp%20at%20night")]
    [InlineData("/api/v1/search?q=dehidration")]
    [InlineData("/api/v1/search?q=magnesium&types=source,cause&limit=50")]
    public async Task TheHttpAnswerHasTheSerializersBytesAndAContentLength(string url)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();

        var parsed = JsonSerializer.Deserialize<SearchResponse>(body, _options);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(parsed, _options), body);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
    }
}
