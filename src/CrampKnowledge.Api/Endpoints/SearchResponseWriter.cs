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
    private readonly JsonSerializerOptions _options;
    private readonly JsonWriterOptions _writerOptions;
    private readonly bool _compact;
    private readonly PropertyNames _names;
    // Keyed by the snapshot's own citation lists, so the set is bounded by the content.
    private readonly ConcurrentDictionary<IReadOnlyList<Citation>, byte[]> _citations = new(ReferenceEqualityComparer.Instance);

    public SearchResponseWriter(IOptions<JsonOptions> jsonOptions)
    {
        _options = jsonOptions.Value.SerializerOptions;
        _writerOptions = new JsonWriterOptions { Encoder = _options.Encoder, MaxDepth = _options.MaxDepth, SkipValidation = true };
        // Raw pieces can only be spliced into compact JSON; indented output goes through the serializer.
        _compact = !_options.WriteIndented;
        _names = new PropertyNames(_options);
    }

    /// <summary>The answer as UTF-8 JSON in <paramref name="output"/>.</summary>
    public void Write(SearchResponse response, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, _writerOptions);
        if (!_compact)
        {
            JsonSerializer.Serialize(writer, response, _options.GetTypeInfo(typeof(SearchResponse)));
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(_names.Query, response.Query);
        WriteStrings(writer, _names.SearchedTerms, response.SearchedTerms);
        if (response.Hits is null)
        {
            writer.WriteNull(_names.Hits);
        }
        else
        {
            writer.WriteStartArray(_names.Hits);
            for (var i = 0; i < response.Hits.Count; i++)
            {
                WriteHit(writer, response.Hits[i]);
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
        writer.WriteString(_names.Type, hit.Type);
        writer.WriteString(_names.Id, hit.Id);
        writer.WriteString(_names.Name, hit.Name);
        writer.WriteString(_names.Summary, hit.Summary);
        writer.WriteNumber(_names.Score, hit.Score);
        writer.WriteString(_names.Snippet, hit.Snippet);
        if (hit.Urgency is not null)
        {
            writer.WriteString(_names.Urgency, hit.Urgency);
        }

        writer.WritePropertyName(_names.Citations);
        if (hit.Citations is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            var citations = _citations.GetOrAdd(hit.Citations, static (list, options) =>
                JsonSerializer.SerializeToUtf8Bytes(list, options.GetTypeInfo(typeof(IReadOnlyList<Citation>))), _options);
            writer.WriteRawValue(citations, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>The contracts' property names as the options' naming policy spells them.</summary>
    private sealed class PropertyNames(JsonSerializerOptions options)
    {
        public JsonEncodedText Query { get; } = Spelled(options, nameof(SearchResponse.Query));
        public JsonEncodedText SearchedTerms { get; } = Spelled(options, nameof(SearchResponse.SearchedTerms));
        public JsonEncodedText Hits { get; } = Spelled(options, nameof(SearchResponse.Hits));
        public JsonEncodedText Suggestions { get; } = Spelled(options, nameof(SearchResponse.Suggestions));
        public JsonEncodedText Disclaimer { get; } = Spelled(options, nameof(SearchResponse.Disclaimer));
        public JsonEncodedText Type { get; } = Spelled(options, nameof(SearchHit.Type));
        public JsonEncodedText Id { get; } = Spelled(options, nameof(SearchHit.Id));
        public JsonEncodedText Name { get; } = Spelled(options, nameof(SearchHit.Name));
        public JsonEncodedText Summary { get; } = Spelled(options, nameof(SearchHit.Summary));
        public JsonEncodedText Score { get; } = Spelled(options, nameof(SearchHit.Score));
        public JsonEncodedText Snippet { get; } = Spelled(options, nameof(SearchHit.Snippet));
        public JsonEncodedText Urgency { get; } = Spelled(options, nameof(SearchHit.Urgency));
        public JsonEncodedText Citations { get; } = Spelled(options, nameof(SearchHit.Citations));

        private static JsonEncodedText Spelled(JsonSerializerOptions options, string member) =>
            JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(member) ?? member, options.Encoder);
    }
}
