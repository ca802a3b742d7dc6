using System.Diagnostics;
using System.Net;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using DotNet.Testcontainers.Networks;
using CrampKnowledge.EndToEnd.Tests.ScaleOut;

namespace CrampKnowledge.EndToEnd.Tests.Containers;

/// <summary>
/// docker-compose.yml's deployment, run by Testcontainers: the image built from the repository's
/// Dockerfile, three API containers (api1..api3, the names deploy/nginx/compose/upstream.conf
/// expects) and nginx with the shared deploy/nginx configuration, on one network, each container
/// with the restrictions compose gives it. Built and started once for all the container tests.
/// </summary>
/// <remarks>
/// Where no registry can be reached (CI here), scripts/container-images.sh builds local stand-ins for
/// Microsoft's .NET images and for nginx and names them in CRAMPKNOWLEDGE_SDK_IMAGE,
/// CRAMPKNOWLEDGE_RUNTIME_IMAGE and CRAMPKNOWLEDGE_NGINX_IMAGE; without those the Dockerfile's own
/// defaults and compose's nginx image are used.
/// </remarks>
public sealed class ContainerDeployment : IAsyncLifetime
{
    public const string ImageName = "localhost/crampknowledge-api:container-tests";
    public const int ApiPort = 8080;
    public const int NginxPort = 8080;
    public const int ReplicaCount = 3;

    private readonly List<IContainer> _replicas = [];
    private INetwork? _network;
    private IContainer? _nginx;

    public IReadOnlyList<IContainer> Replicas => _replicas;
    public IContainer Nginx => _nginx ?? throw new InvalidOperationException("The deployment has not started (is podman set up?).");
    public IReadOnlyList<HttpClient> ReplicaClients { get; private set; } = [];
    public HttpClient Proxy { get; private set; } = new();

    /// <summary>The Host clients of the proxy send, port included; the replicas see it and put it in their ETags.</summary>
    public string ProxiedHost => Proxy.BaseAddress!.Authority;

    public TimeSpan ImageBuildTime { get; private set; }
    public TimeSpan StartTime { get; private set; }

    public async Task InitializeAsync()
    {
        // Without a container engine every test is skipped (RequiresContainersFact); start nothing.
        if (!RequiresContainersFactAttribute.Available && !ExternalTools.Required)
        {
            return;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var image = await BuildImageAsync();
            ImageBuildTime = clock.Elapsed;

            clock.Restart();
            _network = new NetworkBuilder().WithName("crampknowledge-" + Guid.NewGuid().ToString("N")[..12]).Build();
            await _network.CreateAsync();
            _replicas.AddRange(Enumerable.Range(1, ReplicaCount).Select(i => ApiContainer(image, _network, $"api{i}")));
            // Like compose's depends_on: service_healthy, nginx starts once every replica is ready.
            await Task.WhenAll(_replicas.Select(r => r.StartAsync()));
            _nginx = NginxContainer(_network);
            await _nginx.StartAsync();
            StartTime = clock.Elapsed;

            ReplicaClients = _replicas.Select(r => Client(r, ApiPort, TimeSpan.FromSeconds(30))).ToList();
            Proxy = Client(_nginx, NginxPort, TimeSpan.FromSeconds(15));
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed; leave no container behind.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        Proxy.Dispose();
        foreach (var client in ReplicaClients)
        {
            client.Dispose();
        }

        if (_nginx is not null)
        {
            await _nginx.DisposeAsync();
            _nginx = null;
        }

        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        _replicas.Clear();
        if (_network is not null)
        {
            await _network.DeleteAsync();
            await _network.DisposeAsync();
            _network = null;
        }
    }

    /// <summary>The replica whose address on the network is <c>ip:port</c>, as nginx names it in X-Upstream; -1 if none.</summary>
    public int ReplicaAt(string? upstream) =>
        _replicas.FindIndex(r => $"{r.IpAddress}:{ApiPort}" == upstream);

    /// <summary>SIGKILL to the container's main process, through the engine (a process cannot kill PID 1 of its own container).</summary>
    public static async Task KillAsync(IContainer container)
    {
        using var engine = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
        await engine.Containers.KillContainerAsync(container.Id, new ContainerKillParameters { Signal = "KILL" });
    }

    /// <summary>Whether the engine reports the container as running now.</summary>
    public static async Task<bool> IsRunningAsync(IContainer container)
    {
        using var engine = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(Guid.NewGuid()).Build();
        var inspected = await engine.Containers.InspectContainerAsync(container.Id);
        return inspected.State?.Running == true;
    }

    private static async Task<IFutureDockerImage> BuildImageAsync()
    {
        var builder = new ImageFromDockerfileBuilder()
            .WithName(ImageName)
            .WithDockerfileDirectory(RepositoryRoot.Path)
            .WithDockerfile("Dockerfile")
            // The previous image stays until this build replaces its name, so the engine's layer
            // cache makes an unchanged rebuild quick.
            .WithDeleteIfExists(false)
            .WithCleanUp(false);
        foreach (var (argument, variable) in new[] { ("SDK_IMAGE", "CRAMPKNOWLEDGE_SDK_IMAGE"), ("RUNTIME_IMAGE", "CRAMPKNOWLEDGE_RUNTIME_IMAGE") })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                builder = builder.WithBuildArgument(argument, value);
            }
        }

        var image = builder.Build();
        await image.CreateAsync();
        return image;
    }

    private static IContainer ApiContainer(IFutureDockerImage image, INetwork network, string alias) =>
        new ContainerBuilder(image)
            .WithName($"{network.Name}-{alias}")
            .WithNetwork(network)
            .WithNetworkAliases(alias)
            .WithPortBinding(ApiPort, assignRandomHostPort: true)
            // docker-compose.yml's environment. The rate limit is off because the load run sends
            // hundreds of requests from one client in seconds; with it, 429s would be correct answers.
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            .WithEnvironment("Http__ForwardedHeaders__TrustAllProxies", "true")
            .WithEnvironment("Http__RateLimit__Enabled", "false")
            .WithTmpfsMount("/tmp")
            .WithCreateParameterModifier(create =>
            {
                // read_only, cap_drop: [ALL] and no-new-privileges, as compose gives each replica.
                create.HostConfig ??= new HostConfig();
                create.HostConfig.ReadonlyRootfs = true;
                create.HostConfig.CapDrop = ["ALL"];
                create.HostConfig.SecurityOpt = ["no-new-privileges"];
            })
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(
                request => request.ForPort(ApiPort).ForPath("/health/ready").ForStatusCode(HttpStatusCode.OK),
                wait => wait.WithTimeout(TimeSpan.FromMinutes(1))))
            .Build();

    private static IContainer NginxContainer(INetwork network) =>
        new ContainerBuilder(Environment.GetEnvironmentVariable("CRAMPKNOWLEDGE_NGINX_IMAGE") is { Length: > 0 } image ? image : "nginx:1.28-alpine")
            .WithName($"{network.Name}-nginx")
            .WithNetwork(network)
            .WithNetworkAliases("nginx")
            .WithPortBinding(NginxPort, assignRandomHostPort: true)
            // compose's command, volume and tmpfs mounts.
            .WithCommand("nginx", "-c", "/etc/nginx/crampknowledge/compose/nginx.conf", "-g", "daemon off;")
            .WithBindMount(RepositoryRoot.File("deploy", "nginx"), "/etc/nginx/crampknowledge", AccessMode.ReadOnly)
            .WithTmpfsMount("/tmp")
            .WithTmpfsMount("/var/cache/nginx")
            .WithCreateParameterModifier(create =>
            {
                create.HostConfig ??= new HostConfig();
                create.HostConfig.ReadonlyRootfs = true;
                create.HostConfig.SecurityOpt = ["no-new-privileges"];
            })
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(
                request => request.ForPort(NginxPort).ForPath("/nginx-health").ForStatusCode(HttpStatusCode.OK),
                wait => wait.WithTimeout(TimeSpan.FromSeconds(30))))
            .Build();

    private static HttpClient Client(IContainer container, int port, TimeSpan timeout) =>
        new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new UriBuilder("http", container.Hostname, container.GetMappedPublicPort(port)).Uri,
            Timeout = timeout,
        };
}
