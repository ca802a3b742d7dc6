namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>A word of a description, lower-cased, with where it stands in the original text.</summary>
internal readonly record struct TextWord(string Text, int Start, int End);
