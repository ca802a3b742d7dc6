using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Bench.Growth;
using Microsoft.Extensions.DependencyInjection;

namespace CrampKnowledge.Api.Tests.Search;

/// <summary>
/// <see cref="SearchIndex.Build"/> (one tokenizing pass, ids by first sighting, token offsets kept only at checkpoints)
/// against the straightforward build it replaced, kept here: the same terms, term ids, sentence starts and postings,
/// and every token's start and end found again by <see cref="IndexedColumn.TokenBounds"/>, at 1x and 10x content.
/// </summary>
public sealed class SearchIndexBuildTests(ApiFactory factory) : IClassFixture<ApiFactory>, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("crampknowledge-index-build-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void TheIndexEqualsTheStraightforwardBuild() =>
        AssertSameAsReference(factory.Services.GetRequiredService<KnowledgeSnapshot>());

    [Fact]
    public void AtTenTimesTheContentTheIndexEqualsTheStraightforwardBuild()
    {
        var seed = Path.Combine(_root, "seed-data");
        SyntheticSeedData.Generate(TestJson.SeedDirectory, seed, 10);
        using (var api = new ApiFactory { DatabasePath = Path.Combine(_root, "knowledge.db"), SeedDataPath = seed })
        {
            AssertSameAsReference(api.Services.GetRequiredService<KnowledgeSnapshot>());
        }

        ApiFactory.ReleaseFile(Path.Combine(_root, "knowledge.db"));
    }

    [Fact]
    public void TokenBoundsFromAnyPositionMatchTheTokenizer()
    {
        // Long enough for several checkpoints; words of one letter, many letters, diacritics and runs of separators.
        var words = Enumerable.Range(0, 200).Select(i => (i % 7) switch
        {
            0 => "a", 1 => "cramps.", 2 => "Müller's", 3 => "x1y2", 4 => "—  ", 5 => "night:\n", _ => "e\u0301t\u0301e\u0301",
        });
        var text = string.Join(' ', words);
        var expected = Unicode61Tokenizer.Tokenize(text);
        var column = new IndexedColumn(text, new int[expected.Count], expected.Select(t => t.Start).ToArray());

        for (var from = 0; from < expected.Count; from++)
        {
            var count = Math.Min(16, expected.Count - from);
            var (starts, ends) = (new int[count], new int[count]);
            column.TokenBounds(from, starts, ends);
            Assert.Equal(expected.Skip(from).Take(count).Select(t => (t.Start, t.End)), starts.Zip(ends));
        }
    }

    private static void AssertSameAsReference(KnowledgeSnapshot snapshot)
    {
        var index = SearchIndex.Build(snapshot);
        var reference = ReferenceIndex.Build(snapshot);

        Assert.Equal(reference.Terms, index.Terms);
        Assert.Equal(reference.Rows.Count, index.Rows.Length);
        var comparedTokens = 0;
        for (var row = 0; row < index.Rows.Length; row++)
        {
            var (actual, expected) = (index.Rows[row], reference.Rows[row]);
            Assert.Equal((expected.Type, expected.Id, expected.TokenCount), (actual.Type, actual.Id, actual.TokenCount));
            Assert.Same(expected.Record, actual.Record);
            Assert.Same(expected.Source, actual.Source);
            for (var column = 0; column < SearchColumns.Count; column++)
            {
                var (got, want) = (actual.Columns[column], expected.Columns[column]);
                Assert.Equal(want.Text, got.Text);
                Assert.Equal(want.TermIds, got.TermIds.ToArray());
                Assert.Equal(want.SentenceStarts, got.SentenceStarts);
                var (starts, ends) = (new int[got.Size], new int[got.Size]);
                got.TokenBounds(0, starts, ends);
                Assert.Equal(want.Starts, starts);
                Assert.Equal(want.Ends, ends);
                comparedTokens += got.Size;
            }
        }

        Assert.Equal(reference.Postings.Count, index.Postings.Length);
        for (var term = 0; term < index.Postings.Length; term++)
        {
            // Each occurrence is where the term stands in the token array, and names the same row, column and position.
            var occurrences = index.Postings[term].Occurrences;
            Assert.Equal(reference.Postings[term], occurrences.Select(index.Locate).ToArray());
            Assert.All(occurrences, o => Assert.Equal(term, index.Tokens[o]));
            Assert.Equal(reference.Postings[term].Select(p => index.Occurrence(p.Row, p.Column, p.Position)), occurrences);
        }

        Assert.Equal(reference.Rows.Select(r => r.TokenCount).Sum(), comparedTokens);
    }

    /// <summary>The build as it was before issue 19: LINQ over every token's folded string, offsets kept per token.</summary>
    private sealed record ReferenceIndex(IReadOnlyList<string> Terms, IReadOnlyList<ReferenceRow> Rows, IReadOnlyList<(int Row, int Column, int Position)[]> Postings)
    {
        public static ReferenceIndex Build(KnowledgeSnapshot snapshot)
        {
            var texts = snapshot.Records.OrderBy(r => r.Key)
                .Select(r => (Type: r.Kind.WireName(), r.Id, Record: (SnapshotRecord?)r, Source: (SnapshotSource?)null,
                    Columns: new[] { r.Name, string.Join(" | ", r.Aliases), r.Summary, string.Join(" … ", r.Citations.Select(c => c.Quote)) }))
                .Concat(snapshot.Sources.Select(s => (Type: "source", s.Id, Record: (SnapshotRecord?)null, Source: (SnapshotSource?)s,
                    Columns: new[] { s.Title, s.Publisher ?? "", s.Detail.Summary, s.Detail.Text })))
                .ToList();

            var tokenized = texts.Select(t => t.Columns.Select(Unicode61Tokenizer.Tokenize).ToArray()).ToList();
            var terms = tokenized.SelectMany(columns => columns).SelectMany(tokens => tokens).Select(t => t.Folded)
                .Distinct().Order(StringComparer.Ordinal).ToArray();
            var termIds = terms.Select((term, id) => (term, id)).ToDictionary(t => t.term, t => t.id, StringComparer.Ordinal);

            var postings = terms.Select(_ => new List<(int Row, int Column, int Position)>()).ToArray();
            var rows = new List<ReferenceRow>();
            for (var number = 0; number < texts.Count; number++)
            {
                var columns = new ReferenceColumn[SearchColumns.Count];
                columns[SearchColumns.Type] = new ReferenceColumn(texts[number].Type, [], [], []);
                columns[SearchColumns.Slug] = new ReferenceColumn(texts[number].Id, [], [], []);
                for (var i = 0; i < texts[number].Columns.Length; i++)
                {
                    var column = SearchColumns.Name + i;
                    var tokens = tokenized[number][i];
                    var ids = tokens.Select(t => termIds[t.Folded]).ToArray();
                    for (var position = 0; position < ids.Length; position++)
                    {
                        postings[ids[position]].Add((number, column, position));
                    }

                    columns[column] = new ReferenceColumn(
                        texts[number].Columns[i], ids, tokens.Select(t => t.Start).ToArray(), tokens.Select(t => t.End).ToArray());
                }

                rows.Add(new ReferenceRow(texts[number].Type, texts[number].Id, texts[number].Record, texts[number].Source, columns,
                    columns.Sum(c => c.TermIds.Length)));
            }

            return new ReferenceIndex(terms, rows, postings.Select(p => p.ToArray()).ToList());
        }
    }

    private sealed record ReferenceRow(
        string Type, string Id, SnapshotRecord? Record, SnapshotSource? Source, ReferenceColumn[] Columns, int TokenCount);

    private sealed record ReferenceColumn(string Text, int[] TermIds, int[] Starts, int[] Ends)
    {
        /// <summary>As the index found them before issue 19 (fts5SentenceFinderCb).</summary>
        public int[] SentenceStarts { get; } = Enumerable.Range(0, Starts.Length).Where(position =>
        {
            if (position == 0)
            {
                return true;
            }

            var i = Starts[position] - 1;
            while (i >= 0 && Text[i] is ' ' or '\t' or '\n' or '\r')
            {
                i--;
            }

            return i != Starts[position] - 1 && i >= 0 && Text[i] is '.' or ':';
        }).ToArray();
    }
}
