using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
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

    /// <summary>The 200 for <paramref name="key"/>; <paramref name="create"/> runs only the first time.</summary>
    public SerializedOk<T> Ok<T>(object key, Func<T> create) =>
        new(_bodies.GetOrAdd(key, static (_, state) => JsonSerializer.SerializeToUtf8Bytes(state.create(), state.options.GetTypeInfo(typeof(T))), (create, options: _options)));

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
