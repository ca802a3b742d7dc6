using System.Globalization;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Seeding;
using MapsterMapper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CrampKnowledge.Api.Tests.Seeding;

/// <summary>
/// The in-memory snapshot every read is served from: a current database file whose rows cannot be
/// served stops start-up with one clear message, and the snapshot orders and matches text as SQLite did.
/// </summary>
public class SnapshotLoadTests
{
    [Fact]
    public void ADatabaseMissingATableStopsStartupWithAClearMessage()
    {
        using var seed = BuiltSeedFolder();
        Execute(seed.DatabasePath, "DROP TABLE Links");

        Assert.False(KnowledgeDatabase.EnsureBuilt(seed.Location).Rebuilt);
        var error = Assert.Throws<KnowledgeDatabaseException>(() => KnowledgeSnapshotLoader.Load(seed.Location, new Mapper(KnowledgeMapping.Create())));

        Assert.Contains(seed.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("no such table: Links", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE FROM Sources WHERE Id = (SELECT SourceId FROM Citations LIMIT 1)", "which does not exist")]
    [InlineData("UPDATE Records SET Kind = 9 WHERE Id = (SELECT MIN(Id) FROM Records)", "unknown kind 9")]
    [InlineData("UPDATE Links SET ToId = 99999 WHERE Id = (SELECT MIN(Id) FROM Links)", "record 99999, which does not exist")]
    [InlineData("INSERT INTO ContentInfo (Id, ContentVersion, SchemaVersion, BuiltAtUtc) VALUES (2, 'x', 3, '2001-01-01')", "ContentInfo table has 2 rows")]
    public void RowsThatDoNotFitTogetherStopStartupWithAClearMessage(string damage, string expected)
    {
        using var seed = BuiltSeedFolder();
        var contentVersion = KnowledgeSnapshotLoader.Load(seed.Location, new Mapper(KnowledgeMapping.Create())).ContentVersion;
        Execute(seed.DatabasePath, damage);

        var error = Assert.Throws<KnowledgeDatabaseException>(() => KnowledgeSnapshotLoader.Load(seed.Location, new Mapper(KnowledgeMapping.Create())));

        Assert.Matches("^[0-9a-f]{32}$", contentVersion);
        Assert.StartsWith($"Cannot serve the database at {seed.DatabasePath}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSnapshotHoldsEverySeededRecordLinkAndSource()
    {
        using var seed = BuiltSeedFolder();

        var snapshot = KnowledgeSnapshotLoader.Load(seed.Location, new Mapper(KnowledgeMapping.Create()));

        Assert.Equal(TestJson.SeedRecords("causes").Count, snapshot.RecordsOf(RecordKind.Cause).Count);
        Assert.Equal(TestJson.SeedRecords("red-flags").Count, snapshot.RecordsOf(RecordKind.RedFlag).Count);
        Assert.Equal(snapshot.Counts.Links, snapshot.Links.Count);
        Assert.All(snapshot.Records, r => Assert.Same(r, snapshot.FindRecord(r.Kind, r.Id)));
        Assert.All(snapshot.Links, l => Assert.Contains(l.To.Name, l.From.LinkedFrom(l.Kind).Select(related => related.Name)));
    }

    [Fact]
    public void QuotesAndSidesComeInPositionOrderWhateverOrderTheRowsAreIn()
    {
        using var seed = BuiltSeedFolder();
        // Positions against the grain of the ids, with ties (broken by id), so that row order and shown order differ.
        Execute(seed.DatabasePath, "UPDATE Citations SET Position = (Id * 7) % 5; UPDATE ContestedSides SET Position = -Position");

        var snapshot = KnowledgeSnapshotLoader.Load(seed.Location, new Mapper(KnowledgeMapping.Create()));

        using var db = KnowledgeDbContext.Open(seed.Location.ReadOnlyConnectionString);
        var quotes = db.Citations.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id).ToList();
        var byRecord = quotes.OfType<RecordCitation>().ToLookup(c => c.RecordId, c => (c.SourceId, c.Quote));
        var byLink = quotes.OfType<LinkCitation>().ToLookup(c => c.LinkId, c => (c.SourceId, c.Quote));
        var bySide = quotes.OfType<ContestedSideCitation>().ToLookup(c => c.SideId, c => $"{c.SourceId}: {c.Quote}");
        var sides = db.Set<ContestedSide>().AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).ToList()
            .ToLookup(s => s.PointId, s => $"{s.Stance} [{string.Join(" | ", bySide[s.Id])}]");
        var points = db.ContestedPoints.AsNoTracking().ToDictionary(p => p.Slug, p => p.Id);

        Assert.Contains(quotes.OfType<RecordCitation>().GroupBy(c => c.RecordId), owner => !owner.Select(c => c.Id).SequenceEqual(owner.Select(c => c.Id).Order()));
        Assert.Contains(sides, point => point.Count() > 1);
        Assert.All(snapshot.Records, r => Assert.Equal(byRecord[r.Key], r.Citations.Select(c => (c.Source, c.Quote))));
        Assert.All(snapshot.Links, l => Assert.Equal(byLink[l.Key], l.Citations.Select(c => (c.Source, c.Quote))));
        Assert.All(snapshot.Records.SelectMany(r => r.Contested), note => Assert.Equal(
            sides[points[note.Id]], note.Sides.Select(s => $"{s.Position} [{string.Join(" | ", s.Citations.Select(c => $"{c.Source}: {c.Quote}"))}]")));
        Assert.NotEmpty(snapshot.Records.SelectMany(r => r.Contested));
    }

    [Fact]
    public void LowerAsciiKeysOrderAsSqliteCollateNoCase()
    {
        // Distinct even ignoring ASCII case, so SQLite's order is fully determined; the punctuation sits between 'Z' and 'a'.
        string[] words = ["leg spasms", "Leg and foot", "_under", "[bracket", "`tick", "Zinc", "apple", "Éclair", "ébène", "B12", "b2", "Ω", "~tilde", "Leg"];

        var sqlite = Query($"SELECT w FROM ({string.Join(" UNION ALL ", words.Select((_, i) => $"SELECT $w{i} AS w"))}) ORDER BY w COLLATE NOCASE", words);

        Assert.Equal(sqlite, words.OrderBy(SqliteText.LowerAscii, StringComparer.Ordinal));
    }

    [Fact]
    public void RecordAndSourceListsOrderAsTheirSqlOrderByCollateNoCase()
    {
        using var seed = BuiltSeedFolder();
        // Names whose NOCASE order is neither their ordinal nor their OrdinalIgnoreCase order, some equal but for case
        // (ties for the id to break); aliases and publishers stay, so a sort on another of the lowered words shows too.
        const string Names = "CASE {0} % 9 WHEN 0 THEN 'Zinc' WHEN 1 THEN '_under' WHEN 2 THEN 'zinc' WHEN 3 THEN 'apple' WHEN 4 THEN 'Apple' "
            + "WHEN 5 THEN 'B12' WHEN 6 THEN 'b2' WHEN 7 THEN 'Éclair' ELSE 'ébène' END";
        const string SourceNumber = "(SELECT COUNT(*) FROM Sources earlier WHERE earlier.Position < Sources.Position)";
        // Every quote moved to the first two sources, half each, so that 'Zinc' and '_under' tie on citation count.
        const string Half = "(SELECT COUNT(*) FROM Citations) / 2";
        const string QuoteNumber = "(SELECT COUNT(*) FROM Citations earlier WHERE earlier.Id < Citations.Id)";
        Execute(seed.DatabasePath, $"""
            UPDATE Records SET Name = {string.Format(CultureInfo.InvariantCulture, Names, "Id")};
            UPDATE Sources SET Title = {string.Format(CultureInfo.InvariantCulture, Names, SourceNumber)};
            UPDATE Citations SET SourceId = (SELECT Id FROM Sources WHERE {SourceNumber} = MIN({QuoteNumber} / {Half}, 2));
            """);

        var snapshot = KnowledgeSnapshotLoader.Load(seed.Location, new Mapper(KnowledgeMapping.Create()));

        foreach (var kind in RecordKinds.All)
        {
            List<string> Records(string order) =>
                Query($"SELECT Slug FROM Records WHERE Kind = {(int)kind} ORDER BY {order}, Slug", databasePath: seed.DatabasePath);
            Assert.Equal(Records("Name COLLATE NOCASE"), snapshot.RecordsOf(kind, "name").Select(r => r.Id));
            Assert.Equal(Records("Name COLLATE NOCASE DESC"), snapshot.RecordsOf(kind, "-name").Select(r => r.Id));
            Assert.Equal(Records("SourceCount, Name COLLATE NOCASE"), snapshot.RecordsOf(kind, "sourceCount").Select(r => r.Id));
            Assert.Equal(Records("SourceCount DESC, Name COLLATE NOCASE"), snapshot.RecordsOf(kind, "-sourceCount").Select(r => r.Id));
        }

        const string CitationCount = "(SELECT COUNT(*) FROM Citations c WHERE c.SourceId = s.Id)";
        List<string> Sources(string order) => Query($"SELECT Id FROM Sources s ORDER BY {order}", databasePath: seed.DatabasePath);
        Assert.Equal(Sources("Title COLLATE NOCASE, Id"), snapshot.SourcesIn("name").Select(s => s.Id));
        Assert.Equal(Sources("Title COLLATE NOCASE DESC, Id"), snapshot.SourcesIn("-name").Select(s => s.Id));
        Assert.Equal(Sources($"{CitationCount}, Title COLLATE NOCASE, Position"), snapshot.SourcesIn("citationCount").Select(s => s.Id));
        Assert.Equal(Sources($"{CitationCount} DESC, Title COLLATE NOCASE, Position"), snapshot.SourcesIn("-citationCount").Select(s => s.Id));
    }

    [Fact]
    public void LowerAsciiLowersAsSqliteLower()
    {
        string[] words = ["Leg CRAMPS", "Zinc", "ÉCLAIR Été", "Straße", "İstanbul", "ΩMEGA", "already lower", "MiXeD_[Case]"];

        var sqlite = Query(string.Join(" UNION ALL ", words.Select((_, i) => $"SELECT lower($w{i})")), words);

        Assert.Equal(sqlite, words.Select(SqliteText.LowerAscii));
    }

    private static SeedFolder BuiltSeedFolder()
    {
        var seed = new SeedFolder();
        KnowledgeDatabase.EnsureBuilt(seed.Location);
        return seed;
    }

    private static void Execute(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        // As a hand edit or a broken tool would: without the foreign keys that would cascade or refuse.
        command.CommandText = "PRAGMA foreign_keys = OFF; " + sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of every row, from an in-memory database unless <paramref name="databasePath"/> names one.</summary>
    private static List<string> Query(string sql, string[]? words = null, string databasePath = ":memory:")
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < words?.Length; i++)
        {
            command.Parameters.AddWithValue($"$w{i}", words[i]);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
