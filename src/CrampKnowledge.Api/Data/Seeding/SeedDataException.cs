namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>Seed data cannot be used; start-up stops and prints every problem.</summary>
public sealed class SeedDataException(IReadOnlyList<SeedProblem> problems)
    : Exception(FormatMessage(problems))
{
    public IReadOnlyList<SeedProblem> Problems { get; } = problems;

    private static string FormatMessage(IReadOnlyList<SeedProblem> problems) =>
        $"Seed data is invalid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):"
        + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}"));
}
