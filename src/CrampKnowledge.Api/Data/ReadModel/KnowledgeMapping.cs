using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Entities;
using Mapster;
using Citation = CrampKnowledge.Api.Data.Entities.Citation;
using ContestedSide = CrampKnowledge.Api.Data.Entities.ContestedSide;

namespace CrampKnowledge.Api.Data.ReadModel;

/// <summary>
/// Every entity-to-contract mapping, in one Mapster configuration, registered once with its <see cref="IMapper"/>:
/// the snapshot loader maps the entities it reads through it, in memory (projecting the queries through it instead,
/// with <c>ProjectToType</c>, also works, but EF took 50-185 ms to translate each projection at start-up). Every destination member must have a source, so a contract that
/// gains a field fails <see cref="TypeAdapterConfig.Compile()"/> (and a test) rather than going out empty.
/// Lists map in the order the entities hold them: the loader puts quotes and sides in the order they are shown, as
/// a nested <c>OrderBy</c> here would build a delegate on every call of a compiled map (most of the records' mapping time).
/// </summary>
public static class KnowledgeMapping
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };

        // TPH: a record or link citation maps as its base type does.
        config.NewConfig<Citation, Contracts.Citation>()
            .Map(d => d.Source, s => s.SourceId)
            .Map(d => d.SourceTitle, s => s.Source.Title)
            .Include<RecordCitation, Contracts.Citation>()
            .Include<LinkCitation, Contracts.Citation>()
            .Include<ContestedSideCitation, Contracts.Citation>();

        config.NewConfig<KnowledgeRecord, RecordSummary>()
            .Map(d => d.Id, s => s.Slug)
            .Map(d => d.Contested, s => s.ContestedConcerns.Any())
            .Map(d => d.Urgency, s => s is RedFlag ? ((RedFlag)s).Urgency : null);

        config.NewConfig<KnowledgeRecord, RecordRow>()
            .Map(d => d.Key, s => s.Id)
            .Map(d => d.UrgencyRank, s => s is RedFlag ? ((RedFlag)s).UrgencyRank : 0)
            .Map(d => d.Row, s => s);

        config.NewConfig<RecordLink, LinkRow>()
            .Map(d => d.Key, s => s.Id);

        config.NewConfig<ContestedSide, Contracts.ContestedSide>()
            .Map(d => d.Position, s => s.Stance);

        config.NewConfig<ContestedPoint, ContestedNote>()
            .Map(d => d.Id, s => s.Slug);

        config.NewConfig<ContestedPoint, ContestedRow>()
            .Map(d => d.Note, s => s)
            .Map(d => d.RecordKeys, s => s.Concerns.Select(c => c.RecordId));

        // The records that cite a source are only known once the records are read: the snapshot fills them in.
        config.NewConfig<Source, SourceDetail>()
            .Map(d => d.Name, s => s.Title)
            .Map(d => d.Category, s => s.Kind)
            .Map(d => d.CitationCount, s => s.Citations.Count)
            .Ignore(d => d.CitedBy)
            .Map(d => d.Disclaimer, _ => Disclaimer.Text);

        config.NewConfig<SourceDetail, SourceSummary>();

        return config;
    }
}
