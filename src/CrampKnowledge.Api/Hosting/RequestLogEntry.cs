namespace CrampKnowledge.Api.Hosting;

/// <summary>One request as logged: never the query string, which may hold a person's symptoms.</summary>
internal readonly record struct RequestLogEntry(DateTime TimestampUtc, string Method, string Path, int StatusCode, double ElapsedMs);
