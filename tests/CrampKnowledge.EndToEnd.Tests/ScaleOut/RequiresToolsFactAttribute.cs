namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// A fact that needs external programs. When one is missing on a developer's machine it is skipped
/// with a message saying how to get it; in CI and under scripts/test.sh it runs (and fails) anyway.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolsFactAttribute : FactAttribute
{
    public RequiresToolsFactAttribute(params string[] tools)
    {
        Tools = tools;
        Skip = SkipReason(tools);
    }

    public IReadOnlyList<string> Tools { get; }

    /// <summary>Why a test that needs <paramref name="tools"/> is skipped here, or null to run it.</summary>
    internal static string? SkipReason(string[] tools)
    {
        var missing = tools.Where(t => ExternalTools.Find(t) is null).ToList();
        return missing.Count > 0 && !ExternalTools.Required
            ? $"Needs {string.Join(" and ", missing)}; ./scripts/test.sh installs it (apt-get)."
            : null;
    }
}

/// <summary>A theory that needs external programs, skipped as <see cref="RequiresToolsFactAttribute"/> is.</summary>
public sealed class RequiresToolsTheoryAttribute : TheoryAttribute
{
    public RequiresToolsTheoryAttribute(params string[] tools)
    {
        Tools = tools;
        Skip = RequiresToolsFactAttribute.SkipReason(tools);
    }

    public IReadOnlyList<string> Tools { get; }
}
