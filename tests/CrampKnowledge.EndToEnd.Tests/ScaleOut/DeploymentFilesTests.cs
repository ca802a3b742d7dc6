using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The deployment files checked as files: docker-compose.yml by docker-compose itself (the container
/// tests run what it describes, not the file), its nginx configuration by nginx, the Kubernetes sample by a YAML parser,
/// and the ports, paths and names that tie them to the Dockerfile.
/// </summary>
[Collection(ScaleOutGroup.Name)]
public sealed partial class DeploymentFilesTests
{
    private static readonly string ComposeFile = RepositoryRoot.File("docker-compose.yml");
    private static readonly string KubernetesFile = RepositoryRoot.File("deploy", "kubernetes", "crampknowledge.yaml");

    [RequiresToolsFact(ExternalTools.DockerCompose, ExternalTools.Python)]
    public async Task DockerComposeRunsThreeHealthCheckedReplicasBehindTheSharedNginxConfiguration()
    {
        using var temp = new TempFolder();
        var (exitCode, output) = await ExternalTools.RunAsync(ExternalTools.DockerCompose, ["-f", ComposeFile, "config"], TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0, $"docker-compose config rejected docker-compose.yml:\n{output}");
        File.WriteAllText(temp.File("resolved.yml"), output);
        using var resolved = await YamlFiles.LoadAsync(temp.File("resolved.yml"));
        var services = resolved.RootElement[0].GetProperty("services");

        string[] apis = ["api1", "api2", "api3"];
        foreach (var api in apis)
        {
            var service = services.GetProperty(api);
            Assert.Equal(RepositoryRoot.Path, service.GetProperty("build").GetProperty("context").GetString());
            Assert.True(service.GetProperty("read_only").GetBoolean());
            Assert.Equal("true", service.GetProperty("environment").GetProperty("Http__ForwardedHeaders__TrustAllProxies").GetString());
            Assert.Contains("/health/ready", string.Join(' ', service.GetProperty("healthcheck").GetProperty("test").EnumerateArray()), StringComparison.Ordinal);
            Assert.Contains("/dev/tcp/127.0.0.1/8080", string.Join(' ', service.GetProperty("healthcheck").GetProperty("test").EnumerateArray()), StringComparison.Ordinal);
        }

        var nginx = services.GetProperty("nginx");
        var mount = Assert.Single(nginx.GetProperty("volumes").EnumerateArray());
        Assert.Equal($"{RepositoryRoot.File("deploy", "nginx")}:/etc/nginx/crampknowledge:ro", VolumeText(mount));
        var command = nginx.GetProperty("command").EnumerateArray().Select(a => a.GetString()).ToList();
        var configuration = command[command.IndexOf("-c") + 1]!;
        Assert.True(File.Exists(RepositoryRoot.File("deploy", "nginx", Path.GetRelativePath("/etc/nginx/crampknowledge", configuration))), $"{configuration} is not in deploy/nginx");
        Assert.Equal("8080", nginx.GetProperty("ports")[0].GetProperty("published").ToString());
        Assert.Equal(apis, nginx.GetProperty("depends_on").EnumerateObject().Select(d => d.Name).Order());
        Assert.All(nginx.GetProperty("depends_on").EnumerateObject(), d => Assert.Equal("service_healthy", d.Value.GetProperty("condition").GetString()));
        var upstreams = File.ReadAllText(RepositoryRoot.File("deploy", "nginx", "compose", "upstream.conf"));
        Assert.Equal(apis.Select(a => $"{a}:8080"), ServerAddress().Matches(upstreams).Select(m => m.Groups["address"].Value));
    }

    [RequiresToolsFact(ExternalTools.Nginx)]
    public async Task ComposeNginxConfigurationPassesNginxOwnCheck()
    {
        // The compose files as they are, but with the service names and container paths of this machine.
        using var temp = new TempFolder();
        var copy = temp.File("nginx");
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.File("deploy", "nginx"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(RepositoryRoot.File("deploy", "nginx"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var upstreams = Path.Combine(copy, "compose", "upstream.conf");
        File.WriteAllText(upstreams, ServiceName().Replace(File.ReadAllText(upstreams), "127.0.0.1"));
        var main = Path.Combine(copy, "compose", "nginx.conf");
        var text = File.ReadAllText(main)
            .Replace("user nginx;", "", StringComparison.Ordinal)
            .Replace(" /tmp/", $" {temp.Path}/", StringComparison.Ordinal)
            .Replace(" /var/cache/nginx/", $" {temp.Path}/", StringComparison.Ordinal);
        File.WriteAllText(main, text);

        var (exitCode, output) = await ExternalTools.RunAsync(ExternalTools.Nginx, ["-t", "-p", temp.Path, "-c", main, "-e", temp.File("error.log")], TimeSpan.FromSeconds(20));

        Assert.True(exitCode == 0, output);
        Assert.Contains("syntax is ok", output, StringComparison.Ordinal);
    }

    [RequiresToolsFact(ExternalTools.Python)]
    public async Task KubernetesSampleRunsProbedNonRootReadOnlyReplicas()
    {
        using var documents = await YamlFiles.LoadAsync(KubernetesFile);
        var byKind = documents.RootElement.EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!);

        var deployment = byKind["Deployment"];
        var pod = deployment.GetProperty("spec").GetProperty("template");
        var container = Assert.Single(pod.GetProperty("spec").GetProperty("containers").EnumerateArray());
        var port = Assert.Single(container.GetProperty("ports").EnumerateArray());
        Assert.Equal(3, deployment.GetProperty("spec").GetProperty("replicas").GetInt32());
        Assert.Equal(8080, port.GetProperty("containerPort").GetInt32());
        Assert.Equal("/health/ready", Probe(container, "readinessProbe"));
        Assert.Equal("/health/live", Probe(container, "livenessProbe"));
        Assert.True(pod.GetProperty("spec").GetProperty("securityContext").GetProperty("runAsNonRoot").GetBoolean());
        Assert.True(container.GetProperty("securityContext").GetProperty("readOnlyRootFilesystem").GetBoolean());
        Assert.True(container.GetProperty("resources").GetProperty("requests").TryGetProperty("memory", out _));
        Assert.True(container.GetProperty("resources").GetProperty("limits").TryGetProperty("memory", out _));
        Assert.Contains(container.GetProperty("env").EnumerateArray(), e => e.GetProperty("name").GetString() == "Http__ForwardedHeaders__TrustAllProxies");

        var labels = pod.GetProperty("metadata").GetProperty("labels");
        var service = byKind["Service"];
        Assert.All(service.GetProperty("spec").GetProperty("selector").EnumerateObject(), s => Assert.Equal(s.Value.GetString(), labels.GetProperty(s.Name).GetString()));
        Assert.Equal(port.GetProperty("name").GetString(), service.GetProperty("spec").GetProperty("ports")[0].GetProperty("targetPort").GetString());
        Assert.Equal(deployment.GetProperty("metadata").GetProperty("name").GetString(),
            byKind["HorizontalPodAutoscaler"].GetProperty("spec").GetProperty("scaleTargetRef").GetProperty("name").GetString());
    }

    [Fact]
    public void DockerfileShipsTheBuiltDatabaseToANonRootRuntimeOnPort8080()
    {
        var dockerfile = File.ReadAllText(RepositoryRoot.File("Dockerfile"));
        var stages = dockerfile.Split("\nFROM ", StringSplitOptions.None);
        var build = stages[^2];
        var runtime = stages[^1];

        // Microsoft's ASP.NET Core image unless a build argument names a stand-in (the container tests' local one).
        Assert.Contains("\nARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0\n", dockerfile, StringComparison.Ordinal);
        Assert.StartsWith("${RUNTIME_IMAGE} AS runtime", runtime, StringComparison.Ordinal);
        Assert.Contains("--build-database", build, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /app", runtime, StringComparison.Ordinal);
        Assert.Equal("USER $APP_UID", runtime.Split('\n').Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", runtime, StringComparison.Ordinal);
        // The same file in both stages: built at image build time, opened read-only at run time.
        var database = ConnectionString().Match(build).Groups["path"].Value;
        Assert.StartsWith("/app/", database, StringComparison.Ordinal);
        Assert.Equal(database, ConnectionString().Match(runtime).Groups["path"].Value);
    }

    /// <summary>A volume as docker-compose 1 prints it (<c>source:target:ro</c>); Compose 2 prints an object.</summary>
    private static string VolumeText(JsonElement volume) => volume.ValueKind == JsonValueKind.String
        ? volume.GetString()!
        : $"{volume.GetProperty("source").GetString()}:{volume.GetProperty("target").GetString()}"
            + (volume.TryGetProperty("read_only", out var readOnly) && readOnly.GetBoolean() ? ":ro" : "");

    private static string? Probe(JsonElement container, string probe) =>
        container.GetProperty(probe).GetProperty("httpGet").GetProperty("path").GetString();

    [GeneratedRegex(@"^\s*server\s+(?<address>\S+)", RegexOptions.Multiline)]
    private static partial Regex ServerAddress();

    [GeneratedRegex(@"\bapi\d+(?=:8080)")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"ConnectionStrings__Knowledge=""Data Source=(?<path>[^""]+)""")]
    private static partial Regex ConnectionString();
}
