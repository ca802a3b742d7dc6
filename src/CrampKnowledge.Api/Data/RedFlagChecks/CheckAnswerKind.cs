namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>How an answer is given, and so how a trigger tests it.</summary>
public enum CheckAnswerKind
{
    /// <summary>One value from a fixed list; a trigger lists the values it accepts.</summary>
    Choice,

    /// <summary>True or false; a trigger only ever tests for true.</summary>
    YesNo,

    /// <summary>Everyday words looked up as record ids; a trigger lists the ids it accepts.</summary>
    Records,
}
