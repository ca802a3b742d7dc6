using System.Diagnostics;

namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>
/// The programs the scale-out tests drive (nginx, docker-compose, python3 with PyYAML), found the way
/// scripts/test.sh installs them, and a way to run one to completion with a time limit.
/// </summary>
public static class ExternalTools
{
    public const string Nginx = "/usr/sbin/nginx";
    public const string DockerCompose = "docker-compose";
    public const string Python = "python3";

    /// <summary>
    /// True when a missing tool must fail the tests rather than skip them: in CI, and whenever
    /// scripts/test.sh (which installs the tools) runs them.
    /// </summary>
    public static bool Required =>
        Environment.GetEnvironmentVariable("CRAMPKNOWLEDGE_REQUIRE_TOOLS") == "1"
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static string? Find(string tool)
    {
        if (Path.IsPathRooted(tool))
        {
            return File.Exists(tool) ? tool : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs a program to its end (at most <paramref name="timeout"/>) and returns its exit code and all it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Find(tool) ?? throw new InvalidOperationException($"{tool} is not installed; run ./scripts/test.sh."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, await output + await errors);
    }
}
