namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>A problem in seed-data/, located by file and record so an editor can find it.</summary>
public sealed record SeedProblem(string File, string Record, string Message)
{
    public override string ToString() => $"{File} › {Record}: {Message}";
}
