namespace CrampKnowledge.Api.Data.Entities;

public sealed class Cause : KnowledgeRecord;
