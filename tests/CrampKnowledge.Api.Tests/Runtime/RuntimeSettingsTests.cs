using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrampKnowledge.Api.Tests.Runtime;

/// <summary>
/// The GC settings reach every kind of start: those the runtime reads from runtimeconfig.json are in the
/// `dotnet build` output's runtimeconfig (so `dotnet run`, the build output, the published app and the image all
/// get them); the one it reads only from the environment (the gen0 budget) is set the same way by the Dockerfile
/// and by Properties/launchSettings.json, as are W^X off and glibc's arena limit.
/// </summary>
public sealed partial class RuntimeSettingsTests
{
    [Fact]
    public void TheBuiltAppsRuntimeConfigCarriesOneMegabyteGcRegionsAndServerGc()
    {
        // bin/<Configuration>/net10.0 of the test project names the configuration the API was built in.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(RepositoryRoot(), "src", "CrampKnowledge.Api", "bin", configuration, testOutput.Name,
            "CrampKnowledge.Api.runtimeconfig.json");

        using var runtimeConfig = JsonDocument.Parse(File.ReadAllText(path));
        var properties = runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.Equal(0x100000, properties.GetProperty("System.GC.RegionSize").GetInt64());
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
    }

    [Fact]
    public void DotnetRunAndTheImageSetTheSameGen0BudgetAndTheImageLeavesTheRegionSizeToRuntimeConfig()
    {
        var root = RepositoryRoot();
        var dockerfile = File.ReadAllText(Path.Combine(root, "Dockerfile"));
        using var launchSettings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "src", "CrampKnowledge.Api", "Properties", "launchSettings.json")));

        var imageValue = Gen0Size().Match(dockerfile);
        Assert.True(imageValue.Success, "The Dockerfile no longer sets DOTNET_GCgen0size.");
        foreach (var profile in launchSettings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            var variables = profile.Value.GetProperty("environmentVariables");
            Assert.Equal(imageValue.Groups["value"].Value, variables.GetProperty("DOTNET_GCgen0size").GetString());
        }

        // W^X off (the cold start's 150-350 ms at 1x) is also read only from the environment.
        Assert.Contains("DOTNET_EnableWriteXorExecute=0", dockerfile, StringComparison.Ordinal);
        foreach (var profile in launchSettings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            Assert.Equal("0", profile.Value.GetProperty("environmentVariables").GetProperty("DOTNET_EnableWriteXorExecute").GetString());
        }

        // glibc's arena limit (7-8 MB resident at 100x content) is read only from the environment too.
        Assert.Contains("MALLOC_ARENA_MAX=2", dockerfile, StringComparison.Ordinal);
        foreach (var profile in launchSettings.RootElement.GetProperty("profiles").EnumerateObject())
        {
            Assert.Equal("2", profile.Value.GetProperty("environmentVariables").GetProperty("MALLOC_ARENA_MAX").GetString());
        }

        // One place for each setting: a second copy in the image's environment could drift from the csproj's.
        Assert.DoesNotContain("DOTNET_GCRegionSize", dockerfile, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"DOTNET_GCgen0size=(?<value>0x[0-9A-Fa-f]+)")]
    private static partial Regex Gen0Size();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrampKnowledge.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CrampKnowledge.sln not found above the test binaries.");
    }
}
