using System.Text;
using CrampKnowledge.Api.Data.Search;
using Microsoft.Data.Sqlite;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// The in-memory tokenizer against SQLite's own <c>unicode61 remove_diacritics 2</c>, for every character
/// of the Basic Multilingual Plane alone and inside a word. With CRAMP_WRITE_UNICODE61_TABLE=1 the test
/// rewrites Unicode61CharacterData.cs from what SQLite says instead (then fails, so the run is never green).
/// </summary>
public sealed class Unicode61CharacterTests
{
    private const string DataFile = "src/CrampKnowledge.Api/Data/Search/Unicode61CharacterData.cs";

    [Fact]
    public void EveryCharacterTokenizesAsSqliteDoes()
    {
        var sqlite = SqliteTokens();
        var differences = new List<string>();
        foreach (var (c, alone, inWord) in sqlite)
        {
            var actualAlone = Unicode61Tokenizer.Tokenize(Probe(c)).Select(t => t.Folded).ToList();
            var actualInWord = Unicode61Tokenizer.Tokenize(WordProbe(c)).Select(t => t.Folded).ToList();
            if (!alone.SequenceEqual(actualAlone) || !inWord.SequenceEqual(actualInWord))
            {
                differences.Add($"U+{c:X4}: SQLite [{string.Join(' ', alone)}] [{string.Join(' ', inWord)}], "
                    + $"index [{string.Join(' ', actualAlone)}] [{string.Join(' ', actualInWord)}]");
            }
        }

        if (Environment.GetEnvironmentVariable("CRAMP_WRITE_UNICODE61_TABLE") == "1")
        {
            WriteTable(sqlite);
            Assert.Fail($"Rewrote {DataFile}; rebuild and run again without CRAMP_WRITE_UNICODE61_TABLE.");
        }

        Assert.True(sqlite.Count > 60_000, $"only {sqlite.Count} characters compared");
        Assert.True(differences.Count == 0, $"{differences.Count} characters differ:\n{string.Join('\n', differences.Take(40))}");
    }

    private static string Probe(char c) => c.ToString();

    private static string WordProbe(char c) => $"a{c}b";

    /// <summary>Every BMP character but NUL and the surrogates, with SQLite's tokens for it alone and inside "a…b".</summary>
    private static List<(char C, List<string> Alone, List<string> InWord)> SqliteTokens()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE VIRTUAL TABLE probe USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE probe_tokens USING fts5vocab(probe, 'instance');
                """;
            create.ExecuteNonQuery();
        }

        var characters = Enumerable.Range(1, char.MaxValue).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToList();
        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO probe (rowid, text) VALUES ($row, $text)";
            var row = insert.Parameters.Add("$row", SqliteType.Integer);
            var text = insert.Parameters.Add("$text", SqliteType.Text);
            foreach (var c in characters)
            {
                (row.Value, text.Value) = (2 * (int)c, Probe(c));
                insert.ExecuteNonQuery();
                (row.Value, text.Value) = ((2 * (int)c) + 1, WordProbe(c));
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        var tokens = new Dictionary<long, List<string>>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT doc, term FROM probe_tokens ORDER BY doc, offset";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var doc = reader.GetInt64(0);
                if (!tokens.TryGetValue(doc, out var list))
                {
                    tokens[doc] = list = [];
                }

                list.Add(reader.GetString(1));
            }
        }

        return characters.Select(c => (c, tokens.GetValueOrDefault(2 * (int)c) ?? [], tokens.GetValueOrDefault((2 * (int)c) + 1) ?? [])).ToList();
    }

    private static void WriteTable(List<(char C, List<string> Alone, List<string> InWord)> sqlite)
    {
        var tokenStarts = new List<char>();
        var insideOnly = new List<char>();
        var folds = new List<(char C, char Fold)>();
        foreach (var (c, alone, inWord) in sqlite)
        {
            if (inWord.Count != 1)
            {
                continue;
            }

            var inner = inWord[0][1..^1];
            if (inner.Length > 1)
            {
                throw new InvalidOperationException($"U+{(int)c:X4} folds to '{inner}', more than one character");
            }

            (alone.Count == 1 ? tokenStarts : insideOnly).Add(c);
            var fold = inner.Length == 0 ? '\0' : inner[0];
            if (fold != char.ToLowerInvariant(c))
            {
                folds.Add((c, fold));
            }
        }

        var ranges = new List<(char From, char To)>();
        foreach (var c in tokenStarts)
        {
            if (ranges.Count > 0 && ranges[^1].To == c - 1)
            {
                ranges[^1] = (ranges[^1].From, c);
            }
            else
            {
                ranges.Add((c, c));
            }
        }

        static string Hex(IEnumerable<int> values) =>
            string.Join("\n", values.Select(v => $"0x{v:X}").Chunk(12).Select(line => "        " + string.Join(", ", line) + ","));

        var source = new StringBuilder()
            .Append("namespace CrampKnowledge.Api.Data.Search;\n\n")
            .Append("// Generated by Unicode61CharacterTests from SQLite's own tokenizer; do not edit by hand.\n")
            .Append("internal static class Unicode61CharacterData\n{\n")
            .Append("    /// <summary>Inclusive ranges of characters that start a token, as start, end pairs.</summary>\n")
            .Append("    public static ReadOnlySpan<ushort> TokenRanges =>\n    [\n").Append(Hex(ranges.SelectMany(r => new[] { (int)r.From, r.To }))).Append("\n    ];\n\n")
            .Append("    /// <summary>Characters that continue a token but cannot start one (combining diacritics).</summary>\n")
            .Append("    public static ReadOnlySpan<ushort> InsideOnly =>\n    [\n").Append(Hex(insideOnly.Select(c => (int)c))).Append("\n    ];\n\n")
            .Append("    /// <summary>Characters whose fold is not <see cref=\"char.ToLowerInvariant\"/>, as character, fold pairs; fold 0 drops the character.</summary>\n")
            .Append("    public static ReadOnlySpan<ushort> FoldExceptions =>\n    [\n").Append(Hex(folds.SelectMany(f => new[] { (int)f.C, f.Fold }))).Append("\n    ];\n}\n")
            .ToString();
        File.WriteAllText(Path.Combine(RepositoryRoot(), DataFile), source);
    }

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
