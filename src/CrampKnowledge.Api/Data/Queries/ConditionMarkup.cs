using System.Text.Json.Nodes;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>
/// The knowledge base as schema.org JSON-LD: a MedicalWebPage whose main entity is the condition,
/// with its causes, possible treatments (with contraindications from the cautions), primary
/// preventions and the warning signs to watch for, citing the source articles.
/// </summary>
internal static class ConditionMarkup
{
    public const string MediaType = "application/ld+json";

    public static async Task<JsonObject> BuildAsync(KnowledgeDbContext db, string contentVersion, string baseUrl, CancellationToken ct)
    {
        var records = await db.Records.AsNoTracking()
            .OrderBy(r => r.Kind).ThenBy(r => r.Name)
            .Select(r => new Row(
                r.Id, r.Kind, r.Slug, r.Name, r.Summary,
                r.Kind == RecordKind.RedFlag ? ((RedFlag)r).Urgency : null,
                r.Aliases.OrderBy(a => a.Position).Select(a => a.Text).ToList()))
            .ToListAsync(ct);
        var cautions = await db.Links.AsNoTracking()
            .Where(l => l.Kind == LinkKind.TreatmentCaution)
            .Select(l => new { l.FromId, l.To.Name, l.To.Summary })
            .ToListAsync(ct);
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.Title)
            .Select(s => new { s.Id, s.Title, s.Publisher })
            .ToListAsync(ct);

        JsonObject Entity(string type, Row r)
        {
            var url = $"{baseUrl}/api/v1/{r.Kind.PluralName()}/{r.Slug}";
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
            var limits = cautions.Where(c => c.FromId == r.Id).Select(c => (JsonNode)JsonValue.Create($"{c.Name}: {c.Summary}")!).ToArray();
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
            ["version"] = contentVersion,
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

    private sealed record Row(int Id, RecordKind Kind, string Slug, string Name, string Summary, string? Urgency, List<string> Aliases);
}
