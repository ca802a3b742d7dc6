namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>A word of a description: where it stands, and the numbers of the phrase words it matches.</summary>
internal readonly record struct DescriptionWord(int Start, int End, int[] PhraseWords);
