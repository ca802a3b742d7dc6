using System.Text.Json;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// What the hand-written response writers share so that they write, byte for byte, what the serializer
/// writes with the app's JSON options: the writer settings, the property spelling, and null lists.
/// </summary>
internal sealed class ResponseJson(JsonSerializerOptions options)
{
    public JsonSerializerOptions Options => options;

    public JsonWriterOptions WriterOptions { get; } =
        new() { Encoder = options.Encoder, MaxDepth = options.MaxDepth, SkipValidation = true };

    /// <summary>Raw pieces can only be spliced into compact JSON; indented output goes through the serializer.</summary>
    public bool Compact => !options.WriteIndented;

    /// <summary>A contract's property name as the options' naming policy spells it.</summary>
    public JsonEncodedText Name(string member) =>
        JsonEncodedText.Encode(options.PropertyNamingPolicy?.ConvertName(member) ?? member, options.Encoder);

    public JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, options.Encoder);

    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, options.GetTypeInfo(typeof(T)));

    /// <summary>Writes the property and opens its array, or writes null as the serializer does for a null list and returns null.</summary>
    public static IReadOnlyList<T>? StartArray<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? list)
    {
        if (list is null)
        {
            writer.WriteNull(name);
            return null;
        }

        writer.WriteStartArray(name);
        return list;
    }
}
