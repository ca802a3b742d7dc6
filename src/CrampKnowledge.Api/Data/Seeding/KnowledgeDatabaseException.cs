namespace CrampKnowledge.Api.Data.Seeding;

/// <summary>The database file can be neither opened nor built (permissions, disk, a lock); start-up stops with this message.</summary>
public sealed class KnowledgeDatabaseException(string message, Exception inner) : Exception(message, inner);
