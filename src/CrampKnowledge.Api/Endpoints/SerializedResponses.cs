using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.ReadModel;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// Response bodies of immutable content (details, sub-resources, the graph, the vocabularies),
/// serialized on first use with the options <c>TypedResults.Ok</c> uses, so the bytes are the same,
/// and written as they are afterwards. Keys name snapshot objects, so the set is bounded by the content.
/// </summary>
public sealed class SerializedResponses(IOptions<JsonOptions> jsonOptions)
{
    // The JSON-LD document embeds the request's base URL, which the client chooses: keep a few, not one per Host header.
    private const int MaxConditionDocuments = 8;

    private readonly JsonSerializerOptions _options = jsonOptions.Value.SerializerOptions;
    private readonly ConcurrentDictionary<object, ReadOnlyMemory<byte>> _bodies = new();
    private readonly ConcurrentDictionary<string, ReadOnlyMemory<byte>> _conditionDocuments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SnapshotRecord, ReadOnlyMemory<byte>> _rows = new(ReferenceEqualityComparer.Instance);

    // Null when the rows cannot be spliced into the envelope (indented JSON): pages are then serialized whole.
    private readonly PageEnvelope? _envelope = PageEnvelope.Create(jsonOptions.Value.SerializerOptions);

    /// <summary>The 200 for <paramref name="key"/>; <paramref name="create"/> runs only the first time.</summary>
    public SerializedOk<T> Ok<T>(object key, Func<T> create) =>
        new(_bodies.GetOrAdd(key, static (_, state) => JsonSerializer.SerializeToUtf8Bytes(state.create(), state.options.GetTypeInfo(typeof(T))), (create, options: _options)));

    /// <summary>
    /// One page of a record list: the envelope (page, total, disclaimer) is written around rows
    /// serialized once per record.
    /// </summary>
    public SerializedRecordPage Page(IReadOnlyList<SnapshotRecord> items, int page, int pageSize, int total)
    {
        if (_envelope is null)
        {
            var whole = new PagedResponse<RecordSummary>(items.Select(r => r.Row).ToList(), page, pageSize, total, Disclaimer.Text);
            return new SerializedRecordPage(JsonSerializer.SerializeToUtf8Bytes(whole, _options.GetTypeInfo(typeof(PagedResponse<RecordSummary>))), [], ReadOnlyMemory<byte>.Empty);
        }

        var rows = new ReadOnlyMemory<byte>[items.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = _rows.GetOrAdd(items[i], static (record, options) =>
                JsonSerializer.SerializeToUtf8Bytes(record.Row, options.GetTypeInfo(typeof(RecordSummary))), _options);
        }

        return new SerializedRecordPage(_envelope.Opening, rows, _envelope.Closing(page, pageSize, total));
    }

    /// <summary>The JSON-LD document for one base URL, as UTF-8.</summary>
    public ReadOnlyMemory<byte> Condition(string baseUrl, Func<string> create)
    {
        if (_conditionDocuments.TryGetValue(baseUrl, out var document))
        {
            return document;
        }

        document = Encoding.UTF8.GetBytes(create());
        if (_conditionDocuments.Count < MaxConditionDocuments)
        {
            _conditionDocuments.TryAdd(baseUrl, document);
        }

        return document;
    }
}
