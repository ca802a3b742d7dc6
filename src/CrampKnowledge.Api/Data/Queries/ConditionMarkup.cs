using System.Text.Json.Nodes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>
/// The knowledge base as schema.org JSON-LD: a MedicalWebPage whose main entity is the condition,
/// with its causes, possible treatments (with contraindications from the cautions), primary
/// preventions and the warning signs to watch for, citing the source articles.
/// </summary>
internal static class ConditionMarkup
{
    public const string MediaType = "application/ld+json";

    public static JsonObject Build(KnowledgeSnapshot snapshot, string baseUrl)
    {
        var records = snapshot.Records.OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        // The cautions of one treatment in the order SQLite's (Kind, FromId, ToId) index returned them.
        var cautions = snapshot.Links.Where(l => l.Kind == LinkKind.TreatmentCaution).OrderBy(l => l.From.Key).ThenBy(l => l.To.Key)
            .Select(l => new { FromId = l.From.Key, l.To.Name, l.To.Summary })
            .ToList();
        var sources = snapshot.Sources.OrderBy(s => s.Title, StringComparer.Ordinal).ToList();

        JsonObject Entity(string type, SnapshotRecord r)
        {
            var url = $"{baseUrl}/api/v1/{r.Kind.PluralName()}/{r.Id}";
            var entity = new JsonObject { ["@type"] = type, ["@id"] = url, ["name"] = r.Name, ["description"] = r.Summary, ["url"] = url };
            if (r.Aliases.Count > 0)
            {
                entity["alternateName"] = new JsonArray(r.Aliases.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
            }

            return entity;
        }

        var causes = records.Where(r => r.Kind == RecordKind.Cause).Select(r => Entity("MedicalCause", r));
        var treatments = records.Where(r => r.Kind == RecordKind.Treatment).Select(r =>
        {
            var therapy = Entity("MedicalTherapy", r);
            var limits = cautions.Where(c => c.FromId == r.Key).Select(c => (JsonNode)JsonValue.Create($"{c.Name}: {c.Summary}")!).ToArray();
            if (limits.Length > 0)
            {
                therapy["contraindication"] = new JsonArray(limits);
            }

            return therapy;
        });
        var preventions = records.Where(r => r.Kind == RecordKind.Prevention).Select(r => Entity("LifestyleModification", r));
        // Cautions limit a treatment (above); the other red flags are signs that call for a clinician.
        var signs = records.Where(r => r.Kind == RecordKind.RedFlag && r.Urgency != "caution").Select(r => Entity("MedicalSignOrSymptom", r));

        return new JsonObject
        {
            ["@context"] = new JsonArray("https://schema.org", new JsonObject { ["disclaimer"] = "urn:crampknowledge:disclaimer" }),
            ["@type"] = "MedicalWebPage",
            ["@id"] = $"{baseUrl}/api/v1/condition.jsonld",
            ["name"] = "Leg and foot muscle cramps: causes, treatments, prevention and warning signs",
            ["description"] = "What five articles say about leg and foot cramps, curated by CrampKnowledge with verbatim citations.",
            ["medicalAudience"] = "https://schema.org/Patient",
            ["aspect"] = new JsonArray("causes", "treatment", "prevention", "warning signs"),
            ["version"] = snapshot.ContentVersion,
            ["mainEntity"] = new JsonObject
            {
                ["@type"] = "MedicalCondition",
                ["name"] = "Leg and foot muscle cramps",
                ["alternateName"] = new JsonArray("leg cramps", "foot cramps", "leg spasms", "nocturnal leg cramps", "charley horse"),
                ["description"] = "A sudden, involuntary contraction of a leg or foot muscle, most often in the calf, that can be painful and does not relax at once.",
                ["associatedAnatomy"] = new JsonObject { ["@type"] = "AnatomicalStructure", ["name"] = "Calf muscles (gastrocnemius and soleus)" },
                ["cause"] = new JsonArray(causes.ToArray<JsonNode>()),
                ["possibleTreatment"] = new JsonArray(treatments.ToArray<JsonNode>()),
                ["primaryPrevention"] = new JsonArray(preventions.ToArray<JsonNode>()),
                ["signOrSymptom"] = new JsonArray(signs.ToArray<JsonNode>()),
            },
            ["citation"] = new JsonArray(sources.Select(s =>
            {
                var work = new JsonObject
                {
                    ["@type"] = "CreativeWork",
                    ["@id"] = $"{baseUrl}/api/v1/sources/{s.Id}",
                    ["name"] = s.Title,
                    ["url"] = $"{baseUrl}/api/v1/sources/{s.Id}",
                };
                if (s.Publisher is not null)
                {
                    work["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = s.Publisher };
                }

                return (JsonNode)work;
            }).ToArray()),
            ["disclaimer"] = Disclaimer.Text,
        };
    }
}
