namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>Numbers said in words, and the activities after which a time ("I walk every day") is not about the cramps.</summary>
internal static class TimeWords
{
    /// <summary>Number words and their values; "a few" and "several" are read as three, "many" as four.</summary>
    public static readonly IReadOnlyDictionary<string, int> Numbers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
        ["once"] = 1, ["twice"] = 2, ["thrice"] = 3, ["couple"] = 2, ["few"] = 3, ["several"] = 3, ["many"] = 4, ["dozen"] = 12,
    };

    /// <summary>
    /// A time right after one of these, or after it and one word of its object, says how often or how long the person
    /// does it, not the cramps ("I run three times a week", "walked for two hours", "I take magnesium every night"), so it
    /// gives no answer.
    /// </summary>
    public static readonly IReadOnlyList<string> Activities =
    [
        "walk", "walks", "walked", "walking", "run", "runs", "ran", "running", "jog", "jogged", "jogging", "hike", "hiked", "hiking",
        "dance", "danced", "dancing", "swim", "swam", "swimming", "cycle", "cycled", "cycling", "bike", "biked", "biking",
        "ride", "rode", "riding", "drive", "drove", "driving", "sit", "sat", "sitting", "stand", "stood", "standing",
        "play", "played", "playing", "exercise", "exercised", "exercising", "work", "worked", "working", "train", "trained", "training",
        "gym", "football", "soccer", "tennis", "yoga", "practice", "practise", "runner", "walker", "dancer", "athlete",
        // What people do against cramps, and say how often they do it: "I stretch every night", "I take magnesium every day".
        "stretch", "stretches", "stretched", "stretching", "take", "takes", "took", "taking", "drink", "drinks", "drank", "drinking",
        "eat", "eats", "ate", "eating",
    ];

    /// <summary>After these, "last" is "the last two hours", not how long a cramp lasts.</summary>
    public static readonly IReadOnlyList<string> Determiners = ["the", "past", "over", "in", "this", "my", "at"];
}
