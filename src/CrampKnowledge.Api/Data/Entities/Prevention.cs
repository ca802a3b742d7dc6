namespace CrampKnowledge.Api.Data.Entities;

public sealed class Prevention : KnowledgeRecord;
