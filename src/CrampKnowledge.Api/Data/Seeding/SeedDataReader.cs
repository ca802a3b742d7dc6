using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>Reads seed-data/ into a <see cref="SeedDataset"/>; unreadable files become problems, not exceptions.</summary>
internal static class SeedDataReader
{
    public const string SourcesFile = "sources.json";
    public const string VocabularyFile = "vocabulary.json";
    public const string LinksFile = "links.json";
    public const string ContestedFile = "contested.json";
    public const string SynonymsFile = "synonyms.json";
    public const string RedFlagRulesFile = "red-flag-rules.json";
    public const string CheckVocabularyFile = "check-vocabulary.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // A misspelt or missing field is an editing mistake the curator should hear about.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
    };

    public static SeedDataset Read(string seedDirectory)
    {
        var problems = new List<SeedProblem>();
        if (!Directory.Exists(seedDirectory))
        {
            throw new SeedDataException([new SeedProblem(seedDirectory, "(folder)", "the seed-data folder does not exist")]);
        }

        T? ReadJson<T>(string file) where T : class
        {
            var path = Path.Combine(seedDirectory, file);
            if (!File.Exists(path))
            {
                problems.Add(new SeedProblem(file, "(file)", "the file is missing"));
                return null;
            }

            try
            {
                var value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), JsonOptions);
                if (value is null)
                {
                    problems.Add(new SeedProblem(file, "(file)", "the file holds null"));
                }

                return value;
            }
            catch (JsonException e)
            {
                problems.Add(new SeedProblem(file, e.Path ?? "(file)", $"invalid JSON: {e.Message}"));
                return null;
            }
        }

        var sources = ReadJson<List<SeedSource>>(SourcesFile) ?? [];
        var vocabulary = ReadJson<SeedVocabulary>(VocabularyFile);
        var records = RecordKinds.All.ToDictionary(k => k, k => (IReadOnlyList<SeedRecord>)(ReadJson<List<SeedRecord>>(k.SeedFile()) ?? []));
        var links = ReadJson<SeedLinks>(LinksFile);
        var contested = ReadJson<List<SeedContestedPoint>>(ContestedFile) ?? [];
        var synonyms = ReadJson<List<SeedSynonym>>(SynonymsFile) ?? [];
        var redFlagRules = ReadJson<List<SeedRedFlagRule>>(RedFlagRulesFile) ?? [];
        var checkVocabulary = ReadJson<SeedCheckVocabulary>(CheckVocabularyFile);

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var path = Path.GetFullPath(Path.Combine(seedDirectory, source.File));
            if (!path.StartsWith(Path.GetFullPath(seedDirectory), StringComparison.Ordinal) || !File.Exists(path))
            {
                problems.Add(new SeedProblem(SourcesFile, source.Id, $"source file '{source.File}' is not in seed-data/"));
                continue;
            }

            // The articles are inputs: a changed byte means someone edited evidence.
            var bytes = File.ReadAllBytes(path);
            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!string.Equals(actual, source.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new SeedProblem(SourcesFile, source.Id, $"'{source.File}' has sha256 {actual}, not the recorded {source.Sha256}; source articles must stay unedited"));
            }

            texts.TryAdd(source.Id, Encoding.UTF8.GetString(bytes));
        }

        if (problems.Count > 0 || vocabulary is null || links is null || checkVocabulary is null)
        {
            throw new SeedDataException(problems);
        }

        return new SeedDataset(sources, texts, vocabulary, records, links, contested) 
        {
            Synonyms = synonyms, RedFlagRules = redFlagRules, CheckVocabulary = checkVocabulary,
        };
    }
}
