using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data;

/// <summary>The names a record kind goes by on the wire, in URLs and in seed-data/.</summary>
public static class RecordKinds
{
    public static readonly IReadOnlyList<RecordKind> All =
        [RecordKind.Cause, RecordKind.Treatment, RecordKind.Prevention, RecordKind.RedFlag];

    /// <summary>Singular kebab-case name: the vocabulary key and the <c>type</c> of a contested concern.</summary>
    public static string WireName(this RecordKind kind) => kind switch
    {
        RecordKind.Cause => "cause",
        RecordKind.Treatment => "treatment",
        RecordKind.Prevention => "prevention",
        RecordKind.RedFlag => "red-flag",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Plural kebab-case name: the URL segment and, with <c>.json</c>, the seed file.</summary>
    public static string PluralName(this RecordKind kind) => kind.WireName() + "s";

    public static string SeedFile(this RecordKind kind) => kind.PluralName() + ".json";

    public static RecordKind? FromWireName(string name) =>
        All.Cast<RecordKind?>().FirstOrDefault(k => k!.Value.WireName() == name);
}
