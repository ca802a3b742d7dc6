namespace CrampKnowledge.EndToEnd.Tests.ScaleOut;

/// <summary>The clone the tests were built from, where the deployment files live.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "CrampKnowledge.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CrampKnowledge.sln above {AppContext.BaseDirectory}.");
    }
}
