namespace CrampKnowledge.Bench.Allocations;

/// <summary>A response the reference app repeats byte for byte.</summary>
internal sealed record ReferenceBody(byte[] Bytes, string ContentType);
