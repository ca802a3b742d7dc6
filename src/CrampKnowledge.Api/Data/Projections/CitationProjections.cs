using System.Linq.Expressions;
using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Data.Projections;

internal static class CitationProjections
{
    public static readonly Expression<Func<Entities.Citation, Citation>> ToContract =
        c => new Citation(c.SourceId, c.Source.Title, c.Quote, c.Certainty, c.CertaintyPhrase);
}
