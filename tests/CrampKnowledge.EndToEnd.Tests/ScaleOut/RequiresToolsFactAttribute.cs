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
        var missing = tools.Where(t => ExternalTools.Find(t) is null).ToList();
        if (missing.Count > 0 && !ExternalTools.Required)
        {
            Skip = $"Needs {string.Join(" and ", missing)}; ./scripts/test.sh installs it (apt-get).";
        }
    }

    public IReadOnlyList<string> Tools { get; }
}

/// <summary>A theory that needs external programs, skipped as <see cref="RequiresToolsFactAttribute"/> is.</summary>
public sealed class RequiresToolsTheoryAttribute : TheoryAttribute
{
    public RequiresToolsTheoryAttribute(params string[] tools)
    {
        Tools = tools;
        var missing = tools.Where(t => ExternalTools.Find(t) is null).ToList();
        if (missing.Count > 0 && !ExternalTools.Required)
        {
            Skip = $"Needs {string.Join(" and ", missing)}; ./scripts/test.sh installs it (apt-get).";
        }
    }

    public IReadOnlyList<string> Tools { get; }
}
