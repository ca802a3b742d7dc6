using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>A record's detail as every interface serves it: the HTTP detail endpoints and the MCP tools and resources.</summary>
internal static class RecordDetails
{
    public static CauseDetail Cause(SnapshotRecord cause)
    {
        var treatments = cause.LinkedFrom(LinkKind.CauseTreatment);
        var preventions = cause.LinkedFrom(LinkKind.CausePrevention);
        return new CauseDetail(
            cause.Id, cause.Name, cause.Summary, cause.Category, cause.Aliases, cause.SourceCount, cause.Citations, cause.Contested,
            treatments, preventions, cause.LinkedFrom(LinkKind.CauseRedFlag), CauseDetail.NoteFor(treatments, preventions), Disclaimer.Text);
    }

    public static TreatmentDetail Treatment(SnapshotRecord treatment) => new(
        treatment.Id, treatment.Name, treatment.Summary, treatment.Category, treatment.Aliases, treatment.SourceCount,
        treatment.Citations, treatment.Contested, treatment.LinkedTo(LinkKind.CauseTreatment), treatment.LinkedFrom(LinkKind.TreatmentCaution),
        Disclaimer.Text);

    public static PreventionDetail Prevention(SnapshotRecord prevention) => new(
        prevention.Id, prevention.Name, prevention.Summary, prevention.Category, prevention.Aliases, prevention.SourceCount,
        prevention.Citations, prevention.Contested, prevention.LinkedTo(LinkKind.CausePrevention), Disclaimer.Text);

    /// <summary>The detail of a record of any kind: one of the four contracts above.</summary>
    public static object Of(RecordKind kind, SnapshotRecord record) => kind switch
    {
        RecordKind.Cause => Cause(record),
        RecordKind.Treatment => Treatment(record),
        RecordKind.Prevention => Prevention(record),
        _ => RedFlag(record),
    };

    public static RedFlagDetail RedFlag(SnapshotRecord redFlag) => new(
        redFlag.Id, redFlag.Name, redFlag.Summary, redFlag.Category, redFlag.Urgency!, redFlag.Aliases, redFlag.SourceCount,
        redFlag.Citations, redFlag.Contested, redFlag.LinkedTo(LinkKind.CauseRedFlag), redFlag.LinkedTo(LinkKind.TreatmentCaution),
        Disclaimer.Text);
}
