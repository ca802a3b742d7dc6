using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// Writes a <see cref="SearchResponse"/> as the serializer would with the options <c>TypedResults.Ok</c>
/// uses, byte for byte, but property by property: a hit's citations are the largest part of an answer
/// and never change, so each record's are serialized once and spliced in.
/// </summary>
internal sealed class SearchResponseWriter : IResponseBodyWriter<SearchResponse>
{
    private readonly ResponseJson _json;
    private readonly PropertyNames _names;
    // Keyed by the snapshot's own citation lists, so the set is bounded by the content.
    private readonly ConcurrentDictionary<IReadOnlyList<Citation>, byte[]> _citations = new(ReferenceEqualityComparer.Instance);
    // A hit's type, id, name, summary and urgency, escaped once: keyed by the snapshot's own strings, as the citations are.
    private readonly ConcurrentDictionary<string, JsonEncodedText> _texts = new(ReferenceEqualityComparer.Instance);

    public SearchResponseWriter(IOptions<JsonOptions> jsonOptions)
    {
        _json = new ResponseJson(jsonOptions.Value.SerializerOptions);
        _names = new PropertyNames(_json);
    }

    /// <summary>The answer as UTF-8 JSON in <paramref name="output"/>.</summary>
    public void Write(SearchResponse response, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, _json.WriterOptions);
        if (!_json.Compact)
        {
            JsonSerializer.Serialize(writer, response, _json.Options.GetTypeInfo(typeof(SearchResponse)));
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(_names.Query, response.Query);
        WriteStrings(writer, _names.SearchedTerms, response.SearchedTerms);
        WriteStrings(writer, _names.UnmatchedTerms, response.UnmatchedTerms);
        if (ResponseJson.StartArray(writer, _names.Hits, response.Hits) is { } hits)
        {
            for (var i = 0; i < hits.Count; i++)
            {
                WriteHit(writer, hits[i]);
            }

            writer.WriteEndArray();
        }

        WriteStrings(writer, _names.Suggestions, response.Suggestions);
        writer.WriteString(_names.Disclaimer, response.Disclaimer);
        writer.WriteEndObject();
    }

    private void WriteHit(Utf8JsonWriter writer, SearchHit hit)
    {
        writer.WriteStartObject();
        writer.WriteString(_names.Type, Encoded(hit.Type));
        writer.WriteString(_names.Id, Encoded(hit.Id));
        writer.WriteString(_names.Name, Encoded(hit.Name));
        writer.WriteString(_names.Summary, Encoded(hit.Summary));
        writer.WriteNumber(_names.Score, hit.Score);
        writer.WriteString(_names.Snippet, hit.Snippet);
        if (hit.Urgency is not null)
        {
            writer.WriteString(_names.Urgency, Encoded(hit.Urgency));
        }

        writer.WriteBoolean(_names.Contested, hit.Contested);

        writer.WritePropertyName(_names.Citations);
        if (hit.Citations is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            var citations = _citations.GetOrAdd(hit.Citations, static (list, json) => json.Serialize(list), _json);
            writer.WriteRawValue(citations, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }

    private JsonEncodedText Encoded(string text) => _texts.GetOrAdd(text, static (value, json) => json.Encode(value), _json);

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string>? list)
    {
        if (ResponseJson.StartArray(writer, name, list) is not { } values)
        {
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>The contracts' property names as the options' naming policy spells them.</summary>
    private sealed class PropertyNames(ResponseJson json)
    {
        public JsonEncodedText Query { get; } = json.Name(nameof(SearchResponse.Query));
        public JsonEncodedText SearchedTerms { get; } = json.Name(nameof(SearchResponse.SearchedTerms));
        public JsonEncodedText UnmatchedTerms { get; } = json.Name(nameof(SearchResponse.UnmatchedTerms));
        public JsonEncodedText Hits { get; } = json.Name(nameof(SearchResponse.Hits));
        public JsonEncodedText Suggestions { get; } = json.Name(nameof(SearchResponse.Suggestions));
        public JsonEncodedText Disclaimer { get; } = json.Name(nameof(SearchResponse.Disclaimer));
        public JsonEncodedText Type { get; } = json.Name(nameof(SearchHit.Type));
        public JsonEncodedText Id { get; } = json.Name(nameof(SearchHit.Id));
        public JsonEncodedText Name { get; } = json.Name(nameof(SearchHit.Name));
        public JsonEncodedText Summary { get; } = json.Name(nameof(SearchHit.Summary));
        public JsonEncodedText Score { get; } = json.Name(nameof(SearchHit.Score));
        public JsonEncodedText Snippet { get; } = json.Name(nameof(SearchHit.Snippet));
        public JsonEncodedText Urgency { get; } = json.Name(nameof(SearchHit.Urgency));
        public JsonEncodedText Contested { get; } = json.Name(nameof(SearchHit.Contested));
        public JsonEncodedText Citations { get; } = json.Name(nameof(SearchHit.Citations));
    }
}
