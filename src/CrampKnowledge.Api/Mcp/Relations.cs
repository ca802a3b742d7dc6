using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Mcp;

/// <summary>A way from a record to the records linked to it: the HTTP API's sub-resources (<c>/causes/{id}/treatments</c>) by name.</summary>
internal sealed record Relation(RecordKind From, string Name, LinkKind Link, bool Outgoing, string Meaning);

internal static class Relations
{
    public static readonly IReadOnlyList<Relation> All =
    [
        new(RecordKind.Cause, "treatments", LinkKind.CauseTreatment, Outgoing: true, "treatments the articles give for cramps from the cause"),
        new(RecordKind.Cause, "preventions", LinkKind.CausePrevention, Outgoing: true, "ways to prevent cramps from the cause"),
        new(RecordKind.Cause, "red-flags", LinkKind.CauseRedFlag, Outgoing: true, "warning signs linked to the cause that mean seeing a doctor"),
        new(RecordKind.Treatment, "causes", LinkKind.CauseTreatment, Outgoing: false, "causes the treatment is given for"),
        new(RecordKind.Treatment, "cautions", LinkKind.TreatmentCaution, Outgoing: true, "red flags that are cautions about using the treatment"),
        new(RecordKind.Prevention, "causes", LinkKind.CausePrevention, Outgoing: false, "causes the prevention guards against"),
        new(RecordKind.RedFlag, "causes", LinkKind.CauseRedFlag, Outgoing: false, "causes the red flag is linked to"),
        new(RecordKind.RedFlag, "treatments", LinkKind.TreatmentCaution, Outgoing: false, "treatments the red flag is a caution about"),
    ];

    public static IEnumerable<Relation> Of(string type) => All.Where(r => r.From.WireName() == type);

    public static Relation? Find(string? type, string? name) => All.FirstOrDefault(r => r.From.WireName() == type && r.Name == name);
}
