using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>Turns a validated <see cref="SeedDataset"/> into the entity graph the database stores.</summary>
internal static class SeedEntityBuilder
{
    public static void AddTo(KnowledgeDbContext db, SeedDataset seed, string contentVersion, int schemaVersion)
    {
        var sources = seed.Sources.Select((s, i) => new Source
        {
            Id = s.Id, FileName = Path.GetFileName(s.File), Title = s.Title, Publisher = s.Publisher,
            Kind = s.Kind, Summary = s.Summary, Sha256 = s.Sha256.ToLowerInvariant(), Text = seed.SourceTexts[s.Id], Position = i,
        }).ToList();
        db.Sources.AddRange(sources);

        var urgencyRanks = seed.Vocabulary.Urgencies.ToDictionary(t => t.Id, t => t.Rank);
        var records = new Dictionary<(RecordKind, string), KnowledgeRecord>();
        foreach (var (kind, seedRecords) in seed.Records)
        {
            foreach (var r in seedRecords)
            {
                KnowledgeRecord record = kind switch
                {
                    RecordKind.Cause => new Cause { Slug = r.Id, Name = r.Name, Summary = r.Summary, Category = r.Category },
                    RecordKind.Treatment => new Treatment { Slug = r.Id, Name = r.Name, Summary = r.Summary, Category = r.Category },
                    RecordKind.Prevention => new Prevention { Slug = r.Id, Name = r.Name, Summary = r.Summary, Category = r.Category },
                    _ => new RedFlag
                    {
                        Slug = r.Id, Name = r.Name, Summary = r.Summary, Category = r.Category,
                        Urgency = r.Urgency!, UrgencyRank = urgencyRanks[r.Urgency!],
                    },
                };
                record.SourceCount = r.Citations.Select(c => c.Source).Distinct().Count();
                record.Aliases = r.Aliases.Select(a => a.Trim()).ToList();
                record.Citations = Cite<RecordCitation>(r.Citations);
                records.Add((kind, r.Id), record);
            }
        }

        db.Records.AddRange(records.Values);
        db.RedFlagTriggers.AddRange(RedFlagTriggerSeed.ToEntities(seed, records));

        var links = new (IReadOnlyList<SeedLink> Links, LinkKind Kind, RecordKind From, Func<SeedLink, string?> FromId, RecordKind To, Func<SeedLink, string?> ToId)[]
        {
            (seed.Links.CauseTreatments, LinkKind.CauseTreatment, RecordKind.Cause, l => l.Cause, RecordKind.Treatment, l => l.Treatment),
            (seed.Links.CausePreventions, LinkKind.CausePrevention, RecordKind.Cause, l => l.Cause, RecordKind.Prevention, l => l.Prevention),
            (seed.Links.CauseRedFlags, LinkKind.CauseRedFlag, RecordKind.Cause, l => l.Cause, RecordKind.RedFlag, l => l.RedFlag),
            (seed.Links.TreatmentCautions, LinkKind.TreatmentCaution, RecordKind.Treatment, l => l.Treatment, RecordKind.RedFlag, l => l.RedFlag),
        };
        foreach (var (list, kind, from, fromId, to, toId) in links)
        {
            db.Links.AddRange(list.Select(l => new RecordLink
            {
                Kind = kind,
                From = records[(from, fromId(l)!)],
                To = records[(to, toId(l)!)],
                Basis = string.IsNullOrWhiteSpace(l.Basis) ? null : l.Basis.Trim(),
                Citations = Cite<LinkCitation>(l.Citations),
            }));
        }

        db.ContestedPoints.AddRange(seed.Contested.Select(p => new ContestedPoint
        {
            Slug = p.Id, Topic = p.Topic, Summary = p.Summary,
            Sides = p.Sides.Select((s, i) => new ContestedSide { Stance = s.Position, Position = i, Citations = Cite<ContestedSideCitation>(s.Citations) }).ToList(),
            Concerns = p.Concerns.Select(c => new ContestedConcern { Record = records[(RecordKinds.FromWireName(c.Type)!.Value, c.Id)] }).ToList(),
        }));

        IEnumerable<(string Vocabulary, IReadOnlyList<SeedTerm> Terms)> vocabularies = seed.Vocabulary.Categories
            .Select(p => (VocabularyNames.Categories(p.Key), p.Value))
            .Append((VocabularyNames.SourceKinds, seed.Vocabulary.SourceKinds))
            .Append((VocabularyNames.Urgencies, seed.Vocabulary.Urgencies))
            .Append((VocabularyNames.Certainties, seed.Vocabulary.Certainties));
        db.Vocabulary.AddRange(vocabularies.SelectMany(v => v.Terms.Select((t, i) => new VocabularyTerm
        {
            Vocabulary = v.Vocabulary, Slug = t.Id, Name = t.Name, Description = t.Description, Rank = t.Rank, Position = i,
        })));

        db.Synonyms.AddRange(seed.Synonyms
            .SelectMany(s => s.Words.SelectMany(word => s.Means.Select(means => (word, means))))
            .Distinct()
            .Select(pair => new Synonym { Phrase = pair.word, Means = pair.means }));

        var checkVocabulary = seed.CheckVocabulary;
        db.CheckVocabulary.AddRange(checkVocabulary.Words
            .SelectMany(topic => topic.Value.Select(word => (List: CheckWord.WordList, Topic: (string?)topic.Key, Text: word)))
            .Concat(checkVocabulary.Phrases.Select(p => (List: CheckWord.PhraseList, Topic: (string?)null, Text: p)))
            .Concat(checkVocabulary.Unassessed.Select(w => (List: CheckWord.UnassessedList, Topic: (string?)null, Text: w)))
            .Concat(checkVocabulary.UnassessedPhrases.Select(p => (List: CheckWord.UnassessedPhraseList, Topic: (string?)null, Text: p)))
            .Select((w, i) => new CheckWord { List = w.List, Topic = w.Topic, Text = w.Text, Position = i }));

        db.ContentInfo.Add(new ContentInfo { Id = 1, ContentVersion = contentVersion, SchemaVersion = schemaVersion, BuiltAtUtc = DateTime.UtcNow });
    }

    private static List<T> Cite<T>(IReadOnlyList<SeedCitation> citations) where T : Citation, new() =>
        citations.Select((c, i) => new T
        {
            SourceId = c.Source, Quote = QuoteText.CollapseWhitespace(c.Quote), Certainty = c.Certainty,
            CertaintyPhrase = c.CertaintyPhrase, Position = i,
        }).ToList();
}
