namespace CrampKnowledge.Api.Data.Entities;

public sealed class Treatment : KnowledgeRecord;
