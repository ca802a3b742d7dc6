using System.Security.Cryptography;
using System.Text;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>
/// The content version: a SHA-256 over every seed file (path and bytes), so the same seed-data gives
/// the same version on every machine and any edit gives a new one. Markdown notes do not count.
/// </summary>
internal static class SeedContentHash
{
    public static string Compute(string seedDirectory)
    {
        var files = Directory.EnumerateFiles(seedDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(seedDirectory, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (full, relative) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\0"));
            hash.AppendData(File.ReadAllBytes(full));
            hash.AppendData("\0"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
