namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>How a time phrase's number turns into an answer's value.</summary>
internal enum TimeScale
{
    /// <summary>The phrase gives its value whatever the number.</summary>
    Fixed,
    PerDay,
    PerWeek,
    PerMonth,
    PerYear,

    /// <summary>How long cramps have gone on, said in days: a week or more is weeks.</summary>
    Days,

    /// <summary>Nights or days out of a number of them ("3 nights out of 7"): the share, as times a week.</summary>
    OutOf,

    /// <summary>How long one cramp lasts, said in minutes: sixty or more is hours ("it lasted 90 minutes").</summary>
    Minutes,
}

/// <summary>What a time phrase must not follow: a time right after an activity is about the activity.</summary>
internal enum TimeGuard
{
    None,
    NotAfterActivity,

    /// <summary>Also not after "the", "past"...: "the last two hours" is not how long a cramp lasts.</summary>
    NotAfterDeterminer,

    /// <summary>
    /// As <see cref="NotAfterDeterminer"/>, and the phrase's first word only in the form the phrase writes it: words match
    /// every form of a word, but "lasting weeks" is how long and "last week" when; "they started in August" is since when
    /// and "they start in the summer" a season.
    /// </summary>
    FirstWordAsWritten,

    /// <summary>As <see cref="NotAfterActivity"/>, and the phrase's last word only after a slash: "3x/week", not "3 weeks".</summary>
    PerAfterSlash,
}

/// <summary>
/// Everyday words for how often, how long a cramp lasts, or how long cramps have gone on, and the answer
/// they give. Written like rule phrases ("..." is a gap of up to three words) with "#" for a number in
/// digits or words; when a phrase says a number, the largest in the words found is the one read (and for
/// <see cref="TimeScale.OutOf"/> the smallest too).
/// </summary>
internal sealed record TimePhrase(string Text, string Answer, string? Value, TimeScale Scale, TimeGuard Guard)
{
    public CheckPhrase Phrase { get; } = new(Text, Words(Text));

    public string ValueFor(int number, int smallest) => Scale switch
    {
        TimeScale.OutOf => smallest >= number ? "daily" : 7 * smallest >= 2 * number ? "often" : "occasionally",
        TimeScale.PerDay => "daily",
        TimeScale.PerWeek => number >= 7 ? "daily" : number >= 2 ? "often" : "occasionally",
        // Two or more a week on average is several times a week.
        TimeScale.PerMonth => number >= 8 ? "often" : "occasionally",
        TimeScale.PerYear => "occasionally",
        TimeScale.Days => number >= 7 ? "weeks" : "days",
        TimeScale.Minutes => number >= 60 ? "hours" : "minutes",
        _ => Value!,
    };

    // Split as rule phrases are (PhraseMatcher.PhraseWords: "can't" is "can", "t", as a description's "can't" is read),
    // keeping "#", which PhraseWords would drop as punctuation.
    private static string[] Words(string text) =>
        [.. text.Split(' ').SelectMany(word => word == PhraseIndex.NumberWord ? [word] : PhraseMatcher.PhraseWords(word))];
}
