namespace CrampKnowledge.Api.Data.Entities;

/// <summary>The four kinds of curated record; stored as the discriminator of <see cref="KnowledgeRecord"/>.</summary>
public enum RecordKind
{
    Cause = 1,
    Treatment = 2,
    Prevention = 3,
    RedFlag = 4,
}
