namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>The kinds of request every operation is fuzzed with; each gets the same number of cases.</summary>
public enum FuzzFamily
{
    Valid,
    Boundary,
    WrongType,
    Empty,
    VeryLong,
    ControlCharacter,
    InvalidUtf8,
    PathTraversal,
    Sql,
    FtsOperator,
    HugeNumber,
    RepeatedParameter,
    UnknownParameter,
    WrongMethod,
    WrongContentType,
    MalformedBody,
    OversizedBody,
}
