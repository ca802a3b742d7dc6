namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>How a parameter's value is read, which decides what counts as a wrong type for it.</summary>
public enum ParameterKind
{
    Text,
    WholeNumber,
    TrueFalse,
    TextList,
    PathId,
}
