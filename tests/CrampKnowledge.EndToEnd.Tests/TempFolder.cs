namespace CrampKnowledge.EndToEnd.Tests;

/// <summary>A scratch folder deleted with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crampknowledge-e2e-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A copy of the seed data that ships with the API, for tests that break it.</summary>
    public string CopySeedData()
    {
        var source = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(ApiProcess.ApiAssemblyPath)!, "seed-data");
        var target = File("seed-data");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            System.IO.File.Copy(file, destination);
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that has not quite let go; the OS cleans temp eventually.
        }
    }
}
