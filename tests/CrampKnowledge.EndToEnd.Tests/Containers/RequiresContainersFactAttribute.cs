using CrampKnowledge.EndToEnd.Tests.ScaleOut;

namespace CrampKnowledge.EndToEnd.Tests.Containers;

/// <summary>
/// A fact that needs a container engine: podman, with its Docker-compatible API named by
/// DOCKER_HOST (scripts/container-images.sh sets both up). Skipped on a developer's machine without
/// them; under scripts/test.sh and in CI (<see cref="ExternalTools.Required"/>) it runs, and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresContainersFactAttribute : FactAttribute
{
    public const string Podman = "podman";

    public RequiresContainersFactAttribute()
    {
        if (!Available && !ExternalTools.Required)
        {
            Skip = "Needs podman and DOCKER_HOST; run ./scripts/container-images.sh, then eval \"$(./scripts/container-images.sh --env)\".";
        }
    }

    public static bool Available =>
        ExternalTools.Find(Podman) is not null
        && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"));
}
