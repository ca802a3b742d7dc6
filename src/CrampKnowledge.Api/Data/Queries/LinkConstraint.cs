using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.Queries;

/// <summary>A record must be at one end of a link of this kind whose other end is the given record.</summary>
internal sealed record LinkConstraint(LinkKind Kind, int OtherKey, bool OtherIsFrom);
