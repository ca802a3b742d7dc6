using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrampKnowledge.Bench.Growth;

/// <summary>
/// Writes a seed-data folder <c>scale</c> times the size of the real one: the real folder as it is, plus
/// <c>scale - 1</c> synthetic copies of every file's content (sources with their article texts, records, links,
/// contested points, synonyms, red-flag rules, check-vocabulary entries). Copy k renames everything it holds
/// ("Synthetic cause 0123", ids and sources prefixed <c>synNNN-</c>, aliases and phrases ending in the word
/// <c>synNNN</c>) and shuffles the words of every quote, summary and position, so no one can mistake it for
/// medical content, while its words, lengths, aliases and link density stay those of the real data, which is
/// what the growth measurements depend on. Every quote is written into its synthetic article; a link's quote
/// starts with the names of both ends, so it names them as the validator requires. Deterministic: the same
/// input and scale give the same bytes.
/// </summary>
public static class SyntheticSeedData
{
    /// <summary>Copy codes are synNNN, so at most 999 synthetic copies.</summary>
    public const int MaxScale = 1000;

    private static readonly string[] RecordFiles = ["causes.json", "treatments.json", "preventions.json", "red-flags.json"];

    private static readonly Dictionary<string, string> KindWords = new(StringComparer.Ordinal)
    {
        ["causes.json"] = "cause", ["treatments.json"] = "treatment", ["preventions.json"] = "prevention", ["red-flags.json"] = "red flag",
    };

    // Answers whose values are record ids (seed-data/README.md, "Red-flag rules"); every other answer is a choice or a yes.
    private static readonly HashSet<string> RecordAnswers = new(StringComparer.Ordinal) { "conditions", "treatments", "medications" };

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Curly quotes and dashes stay as the real files write them, so file sizes compare.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static GrowthSummary Generate(string seedDirectory, string outputDirectory, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
        var real = RealSeed.Read(seedDirectory);
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(outputDirectory, "sources"));
        foreach (var source in real.Sources)
        {
            var file = source!["file"]!.GetValue<string>();
            File.Copy(Path.Combine(seedDirectory, file), Path.Combine(outputDirectory, file));
        }

        var output = real.DeepCopy();
        var counters = RecordFiles.ToDictionary(f => f, _ => 0, StringComparer.Ordinal);
        for (var copy = 1; copy < scale; copy++)
        {
            new SyntheticCopy(real, copy, counters).AddTo(output, outputDirectory);
        }

        output.Write(outputDirectory);
        File.Copy(Path.Combine(seedDirectory, "vocabulary.json"), Path.Combine(outputDirectory, "vocabulary.json"));
        return GrowthSummary.Of(output, scale, outputDirectory);
    }

    internal static void WriteJson(string path, JsonNode node) => File.WriteAllText(path, node.ToJsonString(Json) + "\n");

    /// <summary>The real seed files, parsed; every list the copies grow.</summary>
    internal sealed record RealSeed(
        JsonArray Sources, Dictionary<string, JsonArray> Records, JsonObject Links, JsonArray Contested, JsonArray Synonyms,
        JsonArray Rules, JsonObject CheckVocabulary, Dictionary<string, string> Texts)
    {
        public static RealSeed Read(string directory)
        {
            JsonNode Parse(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(directory, file)))!;
            var sources = Parse("sources.json").AsArray();
            return new RealSeed(
                sources,
                RecordFiles.ToDictionary(f => f, f => Parse(f).AsArray(), StringComparer.Ordinal),
                Parse("links.json").AsObject(), Parse("contested.json").AsArray(), Parse("synonyms.json").AsArray(),
                Parse("red-flag-rules.json").AsArray(), Parse("check-vocabulary.json").AsObject(),
                sources.ToDictionary(s => s!["id"]!.GetValue<string>(), s => File.ReadAllText(Path.Combine(directory, s!["file"]!.GetValue<string>())), StringComparer.Ordinal));
        }

        public RealSeed DeepCopy() => new(
            Sources.DeepClone().AsArray(), Records.ToDictionary(p => p.Key, p => p.Value.DeepClone().AsArray(), StringComparer.Ordinal),
            Links.DeepClone().AsObject(), Contested.DeepClone().AsArray(), Synonyms.DeepClone().AsArray(), Rules.DeepClone().AsArray(),
            CheckVocabulary.DeepClone().AsObject(), new Dictionary<string, string>(Texts, StringComparer.Ordinal));

        public void Write(string directory)
        {
            WriteJson(Path.Combine(directory, "sources.json"), Sources);
            foreach (var (file, records) in Records)
            {
                WriteJson(Path.Combine(directory, file), records);
            }

            WriteJson(Path.Combine(directory, "links.json"), Links);
            WriteJson(Path.Combine(directory, "contested.json"), Contested);
            WriteJson(Path.Combine(directory, "synonyms.json"), Synonyms);
            WriteJson(Path.Combine(directory, "red-flag-rules.json"), Rules);
            WriteJson(Path.Combine(directory, "check-vocabulary.json"), CheckVocabulary);
        }
    }

    /// <summary>One synthetic copy of the real seed: every id, name, alias and phrase renamed with its code.</summary>
    private sealed class SyntheticCopy
    {
        private readonly RealSeed _real;
        private readonly int _copy;
        private readonly string _code;
        private readonly Dictionary<string, Dictionary<string, string>> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _kindOfId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _articleQuotes = new(StringComparer.Ordinal);
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        public SyntheticCopy(RealSeed real, int copy, Dictionary<string, int> counters)
        {
            _real = real;
            _copy = copy;
            _code = $"syn{copy:D3}";
            foreach (var (file, records) in real.Records)
            {
                var names = _names[file] = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var record in records)
                {
                    var id = record!["id"]!.GetValue<string>();
                    names[id] = $"Synthetic {KindWords[file]} {++counters[file]:D4}";
                    _kindOfId.TryAdd(id, file);
                }
            }

            foreach (var source in real.Sources)
            {
                _articleQuotes[Id(source!["id"]!.GetValue<string>())] = [];
            }
        }

        private string Id(string realId) => $"{_code}-{realId}";

        /// <summary>A phrase of this copy: the real phrase and the copy's code as its last word ("water pills syn012").</summary>
        private string Phrase(string realPhrase) => $"{realPhrase} {_code}";

        public void AddTo(RealSeed output, string directory)
        {
            foreach (var (file, records) in _real.Records)
            {
                foreach (var record in records)
                {
                    output.Records[file].Add(Record(file, record!.AsObject()));
                }
            }

            foreach (var (list, links) in _real.Links)
            {
                var target = output.Links[list]!.AsArray();
                foreach (var link in links!.AsArray())
                {
                    target.Add(Link(link!.AsObject()));
                }
            }

            foreach (var point in _real.Contested)
            {
                output.Contested.Add(ContestedPoint(point!.AsObject()));
            }

            foreach (var synonym in _real.Synonyms)
            {
                output.Synonyms.Add(new JsonObject
                {
                    ["words"] = Strings(synonym!["words"]!.AsArray().Select(w => Phrase(w!.GetValue<string>()))),
                    ["means"] = Strings(synonym["means"]!.AsArray().Select(w => Phrase(w!.GetValue<string>()))),
                });
            }

            foreach (var rule in _real.Rules)
            {
                output.Rules.Add(Rule(rule!.AsObject()));
            }

            AddCheckVocabulary(output.CheckVocabulary);
            foreach (var (position, source) in _real.Sources.Select((s, i) => (i, s!.AsObject())))
            {
                output.Sources.Add(Source(position, source, directory));
            }
        }

        private JsonObject Record(string file, JsonObject real)
        {
            var realId = real["id"]!.GetValue<string>();
            var realName = real["name"]!.GetValue<string>();
            var aliases = NameParts(realName).Concat(real["aliases"]!.AsArray().Select(a => a!.GetValue<string>()))
                .Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Select(Phrase);
            var record = new JsonObject
            {
                ["id"] = Id(realId),
                ["name"] = _names[file][realId],
                ["aliases"] = Strings(aliases),
                ["category"] = real["category"]!.GetValue<string>(),
                ["summary"] = $"Synthetic: {Shuffled(real["summary"]!.GetValue<string>(), keep: null)}",
                ["citations"] = Citations(real["citations"]!.AsArray(), prefix: ""),
            };
            if (real["urgency"] is { } urgency)
            {
                record["urgency"] = urgency.GetValue<string>();
            }

            return record;
        }

        private JsonObject Link(JsonObject real)
        {
            var link = new JsonObject();
            var ends = new List<string>();
            foreach (var end in new[] { ("cause", "causes.json"), ("treatment", "treatments.json"), ("prevention", "preventions.json"), ("redFlag", "red-flags.json") })
            {
                if (real[end.Item1] is { } realEnd)
                {
                    var realId = realEnd.GetValue<string>();
                    link[end.Item1] = Id(realId);
                    ends.Add(_names[end.Item2][realId]);
                }
            }

            // The quote names both ends by name, as a link's quote must.
            link["citations"] = Citations(real["citations"]!.AsArray(), prefix: $"{ends[0]} and {ends[1]}: ");
            if (real["basis"] is { } basis)
            {
                link["basis"] = $"Synthetic basis: {Shuffled(basis.GetValue<string>(), keep: null)}";
            }

            return link;
        }

        private JsonObject ContestedPoint(JsonObject real) => new()
        {
            ["id"] = Id(real["id"]!.GetValue<string>()),
            ["topic"] = $"Synthetic topic: {Shuffled(real["topic"]!.GetValue<string>(), keep: null)}",
            ["summary"] = $"Synthetic: {Shuffled(real["summary"]!.GetValue<string>(), keep: null)}",
            ["concerns"] = new JsonArray([.. real["concerns"]!.AsArray().Select(c => (JsonNode)new JsonObject
            {
                ["type"] = c!["type"]!.GetValue<string>(),
                ["id"] = Id(c["id"]!.GetValue<string>()),
            })]),
            ["sides"] = new JsonArray([.. real["sides"]!.AsArray().Select(s => (JsonNode)new JsonObject
            {
                ["position"] = $"Synthetic: {Shuffled(s!["position"]!.GetValue<string>(), keep: null)}",
                ["citations"] = Citations(s["citations"]!.AsArray(), prefix: ""),
            })]),
        };

        private JsonObject Rule(JsonObject real)
        {
            var redFlagId = real["redFlag"]!.GetValue<string>();
            var ownAlias = Phrase(_real.Records["red-flags.json"].First(r => r!["id"]!.GetValue<string>() == redFlagId)!["aliases"]!.AsArray()
                .Select(a => a!.GetValue<string>()).FirstOrDefault() ?? "synthetic sign");
            var triggers = new JsonArray();
            foreach (var realTrigger in real["triggers"]!.AsArray().Select(t => t!.AsObject()))
            {
                var trigger = new JsonObject();
                if (realTrigger["phrases"] is { } phrases)
                {
                    trigger["phrases"] = Strings(phrases.AsArray().Select(p => Phrase(p!.GetValue<string>())));
                }

                if (realTrigger["alsoPhrases"] is { } alsoPhrases)
                {
                    trigger["alsoPhrases"] = Strings(alsoPhrases.AsArray().Select(p => Phrase(p!.GetValue<string>())));
                }

                if (realTrigger["answers"] is JsonObject answers)
                {
                    var copied = new JsonObject();
                    foreach (var (name, value) in answers)
                    {
                        copied[name] = RecordAnswers.Contains(name)
                            ? Strings(value!.AsArray().Select(v => Id(v!.GetValue<string>())))
                            : value!.DeepClone();
                    }

                    trigger["answers"] = copied;
                    // A copy's red flag must not match every request that answers "often": only one that also names it.
                    if (trigger["phrases"] is null && answers.Any(a => !RecordAnswers.Contains(a.Key)))
                    {
                        trigger["phrases"] = Strings([ownAlias]);
                    }
                }

                if (realTrigger["seeDoctor"] is { } seeDoctor)
                {
                    trigger["seeDoctor"] = seeDoctor.GetValue<string>();
                }

                if (realTrigger["basis"] is JsonObject basis)
                {
                    var source = Id(basis["source"]!.GetValue<string>());
                    trigger["basis"] = new JsonObject
                    {
                        ["source"] = source,
                        ["quote"] = Quote(source, Shuffled(basis["quote"]!.GetValue<string>(), keep: null)),
                    };
                }

                if (realTrigger["note"] is { } note)
                {
                    trigger["note"] = $"Synthetic: {Shuffled(note.GetValue<string>(), keep: null)}";
                }

                triggers.Add(trigger);
            }

            return new JsonObject { ["redFlag"] = Id(redFlagId), ["triggers"] = triggers };
        }

        private void AddCheckVocabulary(JsonObject vocabulary)
        {
            var words = vocabulary["words"]!.AsObject();
            if (words["synthetic-codes"] is not JsonArray codes)
            {
                codes = [];
                words["synthetic-codes"] = codes;
            }

            codes.Add(_code);
            var phrases = vocabulary["phrases"]!.AsArray();
            foreach (var phrase in _real.CheckVocabulary["phrases"]!.AsArray())
            {
                phrases.Add(Phrase(phrase!.GetValue<string>()));
            }

            var unassessed = vocabulary["unassessed"]!.AsArray();
            foreach (var word in _real.CheckVocabulary["unassessed"]!.AsArray())
            {
                unassessed.Add($"{word!.GetValue<string>()}{_code}");
            }

            var unassessedPhrases = vocabulary["unassessedPhrases"]!.AsArray();
            foreach (var phrase in _real.CheckVocabulary["unassessedPhrases"]!.AsArray())
            {
                unassessedPhrases.Add(Phrase(phrase!.GetValue<string>()));
            }
        }

        /// <summary>
        /// The synthetic article: a header saying what it is, every quote this copy cites from it, and shuffled
        /// sentences of the real article until it is at least as long.
        /// </summary>
        private JsonObject Source(int position, JsonObject real, string directory)
        {
            var realId = real["id"]!.GetValue<string>();
            var id = Id(realId);
            var file = $"sources/{_code}_{position:D3}.txt";
            var text = new StringBuilder()
                .Append(CultureInvariant($"Synthetic article {_code} after source {position}, generated for load tests: its sentences are shuffled words, not medical content.\n\n"));
            // A quote inside a longer one (a record's quote inside a link's, which adds the names of both ends) is written
            // once, as the articles share one sentence between a record and its links.
            var quotes = _articleQuotes[id];
            foreach (var quote in quotes.Where(q => !quotes.Any(other => other.Length > q.Length && other.Contains(q, StringComparison.Ordinal))))
            {
                text.Append(quote).Append("\n\n");
            }

            var realText = _real.Texts[realId];
            var sentences = realText.Split(['.', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; text.Length < realText.Length && sentences.Length > 0; i++)
            {
                text.Append(Shuffled(sentences[i % sentences.Length] + $" {i}", keep: null)).Append(".\n");
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            File.WriteAllBytes(Path.Combine(directory, file), bytes);
            return new JsonObject
            {
                ["id"] = id,
                ["file"] = file,
                ["title"] = $"Synthetic article {_code}-{position}: generated for load tests, not medical content",
                ["publisher"] = "Synthetic publisher (load tests)",
                ["kind"] = real["kind"]!.GetValue<string>(),
                ["summary"] = $"Synthetic: {Shuffled(real["summary"]!.GetValue<string>(), keep: null)}",
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            };
        }

        private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

        private JsonArray Citations(JsonArray real, string prefix) => new([.. real.Select(c =>
        {
            var source = Id(c!["source"]!.GetValue<string>());
            var certaintyPhrase = c["certaintyPhrase"]!.GetValue<string>();
            return (JsonNode)new JsonObject
            {
                ["source"] = source,
                ["quote"] = Quote(source, prefix + Shuffled(c["quote"]!.GetValue<string>(), keep: certaintyPhrase)),
                ["certainty"] = c["certainty"]!.GetValue<string>(),
                ["certaintyPhrase"] = certaintyPhrase,
            };
        })]);

        /// <summary>Writes the quote into its article (once) and returns it.</summary>
        private string Quote(string source, string quote)
        {
            if (_written.Add($"{source}\n{quote}"))
            {
                _articleQuotes[source].Add(quote);
            }

            return quote;
        }

        /// <summary>
        /// The words of <paramref name="text"/> in a shuffled order, <paramref name="keep"/> (a certainty phrase)
        /// staying whole. The order depends only on the copy and the text, so a quote cited twice stays one quote.
        /// </summary>
        private string Shuffled(string text, string? keep)
        {
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var kept = "";
            var phrase = keep is null ? "" : string.Join(' ', keep.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var at = phrase.Length == 0 ? -1 : text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                kept = text.Substring(at, phrase.Length);
                text = text[..at] + " " + text[(at + kept.Length)..];
            }

            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var random = new Random(StableSeed(_copy, text));
            for (var i = words.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (words[i], words[j]) = (words[j], words[i]);
            }

            if (kept.Length > 0)
            {
                words.Insert(random.Next(words.Count + 1), kept);
            }

            return string.Join(' ', words);
        }
    }

    private static IEnumerable<string> NameParts(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        var close = name.IndexOf(')', StringComparison.Ordinal);
        return open > 0 && close > open ? [name[..open] + name[(close + 1)..], name[(open + 1)..close]] : [name];
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>FNV-1a over the copy and the text: string.GetHashCode differs from one process to the next.</summary>
    private static int StableSeed(int copy, string text)
    {
        var hash = 2166136261u ^ (uint)copy;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }
}

/// <summary>What a generated folder holds, for the report.</summary>
public sealed record GrowthSummary(
    int Scale, int Sources, int Causes, int Treatments, int Preventions, int RedFlags, int Links, int Contested, int Synonyms,
    int RuleTriggers, long JsonBytes, long ArticleBytes)
{
    internal static GrowthSummary Of(SyntheticSeedData.RealSeed seed, int scale, string directory) => new(
        scale, seed.Sources.Count, seed.Records["causes.json"].Count, seed.Records["treatments.json"].Count,
        seed.Records["preventions.json"].Count, seed.Records["red-flags.json"].Count,
        seed.Links.Sum(l => l.Value!.AsArray().Count), seed.Contested.Count, seed.Synonyms.Count,
        seed.Rules.Sum(r => r!["triggers"]!.AsArray().Count),
        Directory.EnumerateFiles(directory, "*.json").Sum(f => new FileInfo(f).Length),
        Directory.EnumerateFiles(Path.Combine(directory, "sources")).Sum(f => new FileInfo(f).Length));
}
