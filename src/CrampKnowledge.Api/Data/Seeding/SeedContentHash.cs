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
        // Read in pieces through one buffer: whole files (12 MB for links.json at 100x) were garbage the GC kept for a while.
        var buffer = new byte[64 * 1024];
        var hash = new Fnv1a128();
        foreach (var (full, relative) in Files(seedDirectory))
        {
            hash.Append(Encoding.UTF8.GetBytes(relative + "\0"));
            using (var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            {
                int read;
                while ((read = file.Read(buffer)) > 0)
                {
                    hash.Append(buffer.AsSpan(0, read));
                }
            }

            hash.Append("\0"u8);
        }

        return hash.ToHex();
    }

    /// <summary>The files the version covers, by their path relative to <paramref name="seedDirectory"/> with '/', in ordinal order.</summary>
    public static IEnumerable<(string Full, string Relative)> Files(string seedDirectory) =>
        Directory.EnumerateFiles(seedDirectory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(seedDirectory, f).Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
}
