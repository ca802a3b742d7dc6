using System.ComponentModel;

namespace CrampKnowledge.Api.Contracts;

/// <summary>A verbatim quote from a source article, with how firmly the article says it.</summary>
/// <param name="Source">Id of the source article (see <c>/api/v1/sources/{id}</c>).</param>
/// <param name="SourceTitle">Title of the source article.</param>
/// <param name="Quote">The article's own words (whitespace normalised).</param>
/// <param name="Certainty">How firmly the article says it: established, common, possible or doubtful.</param>
/// <param name="CertaintyPhrase">The words inside the quote that carry that certainty ("may", "often", "the most common").</param>
public sealed record Citation(
    [property: Description("Id of the source article (see /api/v1/sources/{id}).")] string Source,
    string SourceTitle,
    [property: Description("The article's own words, verbatim (whitespace normalised).")] string Quote,
    [property: Description("How firmly the article says it: established, common, possible or doubtful.")] string Certainty,
    [property: Description("The words inside the quote that carry that certainty.")] string CertaintyPhrase);

/// <summary>A point on which the source articles disagree, with both sides.</summary>
public sealed record ContestedNote(string Id, string Topic, string Summary, IReadOnlyList<ContestedSide> Sides);

/// <summary>One side of a contested point and the quotes that take it.</summary>
public sealed record ContestedSide(string Position, IReadOnlyList<Citation> Citations);
