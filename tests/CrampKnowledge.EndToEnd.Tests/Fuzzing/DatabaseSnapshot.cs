using System.Security.Cryptography;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>The database file's content hash and write time, and what else its folder holds (a journal or WAL would show a write).</summary>
public sealed record DatabaseSnapshot(string Sha256, DateTime LastWriteUtc, long Length, string FolderFiles)
{
    public static DatabaseSnapshot Take(string databasePath)
    {
        using var file = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var hash = Convert.ToHexStringLower(SHA256.HashData(file));
        var info = new FileInfo(databasePath);
        var folder = string.Join(", ", Directory.EnumerateFiles(info.DirectoryName!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        return new DatabaseSnapshot(hash, info.LastWriteTimeUtc, info.Length, folder);
    }
}
