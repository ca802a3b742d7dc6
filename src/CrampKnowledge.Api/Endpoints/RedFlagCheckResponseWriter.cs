using System.Buffers;
using System.Collections.Frozen;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.RedFlagChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// Writes a <see cref="RedFlagCheckResponse"/> as the serializer would with the options <c>TypedResults.Ok</c>
/// uses, byte for byte, but cheaper: the parts of a match that come from the rule book (names, summaries,
/// citations, a trigger's basis) are encoded once at start-up, and the rest is written property by property
/// instead of through the serializer's metadata. A match the book did not produce is written in full.
/// </summary>
internal sealed class RedFlagCheckResponseWriter : IResponseBodyWriter<RedFlagCheckResponse>
{
    private readonly ResponseJson _json;
    private readonly PropertyNames _names;
    private readonly FrozenDictionary<string, EncodedRedFlag> _redFlags;
    private readonly Dictionary<RuleBasis, byte[]> _bases = new(ReferenceEqualityComparer.Instance);
    private readonly JsonEncodedText _disclaimer;
    private readonly JsonEncodedText _unassessedNote;

    public RedFlagCheckResponseWriter(IOptions<JsonOptions> jsonOptions, RedFlagRuleBook rules)
    {
        _json = new ResponseJson(jsonOptions.Value.SerializerOptions);
        _names = new PropertyNames(_json);
        _disclaimer = _json.Encode(Disclaimer.Text);
        _unassessedNote = _json.Encode(SeeDoctorLevels.UnassessedNote);
        _redFlags = rules.Entries.ToFrozenDictionary(e => e.Id, e => new EncodedRedFlag(
            e.Id, e.Name, e.Urgency, e.Summary, e.Citations,
            _json.Encode(e.Id), _json.Encode(e.Name), _json.Encode(e.Urgency), _json.Encode(e.Summary), _json.Serialize(e.Citations)), StringComparer.Ordinal);
        foreach (var basis in rules.Entries.SelectMany(e => e.Triggers).Select(t => t.Rule.Basis).OfType<RuleBasis>())
        {
            _bases.TryAdd(basis, _json.Serialize(basis));
        }
    }

    /// <summary>The answer as UTF-8 JSON in <paramref name="output"/>.</summary>
    public void Write(RedFlagCheckResponse response, IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, _json.WriterOptions);
        if (!_json.Compact)
        {
            JsonSerializer.Serialize(writer, response, _json.Options.GetTypeInfo(typeof(RedFlagCheckResponse)));
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(_names.SeeDoctor, response.SeeDoctor);
        if (ResponseJson.StartArray(writer, _names.Unassessed, response.Unassessed) is { } unassessed)
        {
            for (var i = 0; i < unassessed.Count; i++)
            {
                writer.WriteStringValue(unassessed[i]);
            }

            writer.WriteEndArray();
        }

        if (response.Note is { } note)
        {
            if (note == SeeDoctorLevels.UnassessedNote)
            {
                writer.WriteString(_names.Note, _unassessedNote);
            }
            else
            {
                writer.WriteString(_names.Note, note);
            }
        }

        if (ResponseJson.StartArray(writer, _names.Matches, response.Matches) is { } matches)
        {
            for (var i = 0; i < matches.Count; i++)
            {
                WriteMatch(writer, matches[i]);
            }

            writer.WriteEndArray();
        }

        if (ResponseJson.StartArray(writer, _names.Recognized, response.Recognized) is { } recognized)
        {
            for (var i = 0; i < recognized.Count; i++)
            {
                WriteRecognized(writer, recognized[i]);
            }

            writer.WriteEndArray();
        }

        if (ResponseJson.StartArray(writer, _names.Unrecognized, response.Unrecognized) is { } unrecognized)
        {
            for (var i = 0; i < unrecognized.Count; i++)
            {
                WriteUnrecognized(writer, unrecognized[i]);
            }

            writer.WriteEndArray();
        }

        writer.WriteNumber(_names.CheckedRedFlags, response.CheckedRedFlags);
        if (response.Disclaimer == Disclaimer.Text)
        {
            writer.WriteString(_names.Disclaimer, _disclaimer);
        }
        else
        {
            writer.WriteString(_names.Disclaimer, response.Disclaimer);
        }

        writer.WriteEndObject();
    }

    private void WriteMatch(Utf8JsonWriter writer, RedFlagMatch match)
    {
        if (match is null)
        {
            writer.WriteNullValue();
            return;
        }

        // The book's own strings and list, so their encoded bytes say the same; anything else is encoded now.
        var known = _redFlags.GetValueOrDefault(match.Id);
        var fromBook = known is not null && (object)known.Name == match.Name && (object)known.Urgency == match.Urgency
            && (object)known.Summary == match.Summary && ReferenceEquals(known.Citations, match.Citations);
        writer.WriteStartObject();
        if (fromBook)
        {
            writer.WriteString(_names.Id, known!.EncodedId);
            writer.WriteString(_names.Name, known.EncodedName);
            writer.WriteString(_names.Urgency, known.EncodedUrgency);
            writer.WriteString(_names.Summary, known.EncodedSummary);
        }
        else
        {
            writer.WriteString(_names.Id, match.Id);
            writer.WriteString(_names.Name, match.Name);
            writer.WriteString(_names.Urgency, match.Urgency);
            writer.WriteString(_names.Summary, match.Summary);
        }

        writer.WriteString(_names.SeeDoctor, match.SeeDoctor);
        if (ResponseJson.StartArray(writer, _names.Reasons, match.Reasons) is { } reasons)
        {
            for (var i = 0; i < reasons.Count; i++)
            {
                WriteReason(writer, reasons[i]);
            }

            writer.WriteEndArray();
        }

        writer.WritePropertyName(_names.Citations);
        if (fromBook)
        {
            writer.WriteRawValue(known!.EncodedCitations, skipInputValidation: true);
        }
        else
        {
            JsonSerializer.Serialize(writer, match.Citations, _json.Options.GetTypeInfo(typeof(IReadOnlyList<Citation>)));
        }

        writer.WriteEndObject();
    }

    private void WriteReason(Utf8JsonWriter writer, RedFlagReason reason)
    {
        if (reason is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(_names.Text, reason.Text);
        if (ResponseJson.StartArray(writer, _names.Phrases, reason.Phrases) is { } phrases)
        {
            for (var i = 0; i < phrases.Count; i++)
            {
                writer.WriteStringValue(phrases[i]);
            }

            writer.WriteEndArray();
        }

        if (ResponseJson.StartArray(writer, _names.Answers, reason.Answers) is { } answers)
        {
            for (var i = 0; i < answers.Count; i++)
            {
                WriteAnswer(writer, answers[i]);
            }

            writer.WriteEndArray();
        }

        writer.WriteString(_names.SeeDoctor, reason.SeeDoctor);
        writer.WriteNumber(_names.Trigger, reason.Trigger);
        if (reason.Basis is { } basis)
        {
            writer.WritePropertyName(_names.Basis);
            if (_bases.TryGetValue(basis, out var encoded))
            {
                writer.WriteRawValue(encoded, skipInputValidation: true);
            }
            else
            {
                JsonSerializer.Serialize(writer, basis, _json.Options.GetTypeInfo(typeof(RuleBasis)));
            }
        }

        if (reason.Note is { } note)
        {
            writer.WriteString(_names.Note, note);
        }

        writer.WriteEndObject();
    }

    private void WriteAnswer(Utf8JsonWriter writer, GivenAnswer answer)
    {
        if (answer is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(_names.Answer, answer.Answer);
        writer.WriteString(_names.Value, answer.Value);
        if (answer.Word is { } word)
        {
            writer.WriteString(_names.Word, word);
        }

        if (answer.Name is { } name)
        {
            writer.WriteString(_names.Name, name);
        }

        writer.WriteEndObject();
    }

    private void WriteRecognized(Utf8JsonWriter writer, RecognizedWord recognized)
    {
        if (recognized is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(_names.Answer, recognized.Answer);
        writer.WriteString(_names.Word, recognized.Word);
        writer.WriteString(_names.Type, recognized.Type);
        writer.WriteString(_names.Id, recognized.Id);
        writer.WriteString(_names.Name, recognized.Name);
        writer.WriteEndObject();
    }

    private void WriteUnrecognized(Utf8JsonWriter writer, UnrecognizedWord unrecognized)
    {
        if (unrecognized is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(_names.Answer, unrecognized.Answer);
        writer.WriteString(_names.Word, unrecognized.Word);
        if (ResponseJson.StartArray(writer, _names.Suggestions, unrecognized.Suggestions) is { } suggestions)
        {
            for (var i = 0; i < suggestions.Count; i++)
            {
                writer.WriteStringValue(suggestions[i]);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private sealed record EncodedRedFlag(
        string Id, string Name, string Urgency, string Summary, IReadOnlyList<Citation> Citations,
        JsonEncodedText EncodedId, JsonEncodedText EncodedName, JsonEncodedText EncodedUrgency, JsonEncodedText EncodedSummary,
        byte[] EncodedCitations);

    /// <summary>The contracts' property names as the options' naming policy spells them.</summary>
    private sealed class PropertyNames(ResponseJson json)
    {
        public JsonEncodedText SeeDoctor { get; } = json.Name(nameof(RedFlagCheckResponse.SeeDoctor));
        public JsonEncodedText Unassessed { get; } = json.Name(nameof(RedFlagCheckResponse.Unassessed));
        public JsonEncodedText Matches { get; } = json.Name(nameof(RedFlagCheckResponse.Matches));
        public JsonEncodedText Recognized { get; } = json.Name(nameof(RedFlagCheckResponse.Recognized));
        public JsonEncodedText Unrecognized { get; } = json.Name(nameof(RedFlagCheckResponse.Unrecognized));
        public JsonEncodedText CheckedRedFlags { get; } = json.Name(nameof(RedFlagCheckResponse.CheckedRedFlags));
        public JsonEncodedText Disclaimer { get; } = json.Name(nameof(RedFlagCheckResponse.Disclaimer));
        public JsonEncodedText Id { get; } = json.Name(nameof(RedFlagMatch.Id));
        public JsonEncodedText Name { get; } = json.Name(nameof(RedFlagMatch.Name));
        public JsonEncodedText Urgency { get; } = json.Name(nameof(RedFlagMatch.Urgency));
        public JsonEncodedText Summary { get; } = json.Name(nameof(RedFlagMatch.Summary));
        public JsonEncodedText Reasons { get; } = json.Name(nameof(RedFlagMatch.Reasons));
        public JsonEncodedText Citations { get; } = json.Name(nameof(RedFlagMatch.Citations));
        public JsonEncodedText Text { get; } = json.Name(nameof(RedFlagReason.Text));
        public JsonEncodedText Phrases { get; } = json.Name(nameof(RedFlagReason.Phrases));
        public JsonEncodedText Answers { get; } = json.Name(nameof(RedFlagReason.Answers));
        public JsonEncodedText Trigger { get; } = json.Name(nameof(RedFlagReason.Trigger));
        public JsonEncodedText Basis { get; } = json.Name(nameof(RedFlagReason.Basis));
        public JsonEncodedText Note { get; } = json.Name(nameof(RedFlagReason.Note));
        public JsonEncodedText Answer { get; } = json.Name(nameof(GivenAnswer.Answer));
        public JsonEncodedText Value { get; } = json.Name(nameof(GivenAnswer.Value));
        public JsonEncodedText Word { get; } = json.Name(nameof(GivenAnswer.Word));
        public JsonEncodedText Type { get; } = json.Name(nameof(RecognizedWord.Type));
        public JsonEncodedText Suggestions { get; } = json.Name(nameof(UnrecognizedWord.Suggestions));
    }
}
