using System.Text;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>
/// The content version: a 128-bit FNV-1a fingerprint of every seed file (path and bytes), so the same
/// seed-data gives the same version on every machine and any edit gives a new one. Markdown notes do not count.
/// </summary>
internal static class SeedContentHash
{
    public static string Compute(string seedDirectory)
    {
        var files = Directory.EnumerateFiles(seedDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(seedDirectory, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);

        var hash = new Fnv1a128();
        foreach (var (full, relative) in files)
        {
            hash.Append(Encoding.UTF8.GetBytes(relative + "\0"));
            hash.Append(File.ReadAllBytes(full));
            hash.Append("\0"u8);
        }

        return hash.ToHex();
    }
}
