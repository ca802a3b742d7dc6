using CrampKnowledge.Api.Data.Entities;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// The answers a red-flag check request may carry. Seed validation, request validation, matching and
/// the Swagger text all read this one list, so an answer cannot be known to one and not the others.
/// </summary>
public static class CheckAnswers
{
    public const string Frequency = "frequency";
    public const string Severity = "severity";
    public const string Duration = "duration";
    public const string OngoingFor = "ongoingFor";
    public const string Predictable = "predictable";
    public const string WorseAtRest = "worseAtRest";
    public const string WorseWithLegRaised = "worseWithLegRaised";
    public const string PainWhenWalking = "painWhenWalking";
    public const string SorenessNextDay = "sorenessNextDay";
    public const string DisturbsSleep = "disturbsSleep";
    public const string RecentInjury = "recentInjury";
    public const string SuddenPain = "suddenPain";
    public const string Conditions = "conditions";
    public const string Medications = "medications";
    public const string Treatments = "treatments";

    public static readonly IReadOnlyList<CheckAnswer> All =
    [
        Choice(Frequency, "how often",
            "How often cramps come: `once` (a single cramp so far), `occasionally` (now and then, less than weekly), "
            + "`often` (several times a week), `daily` (every day or night).",
            "once", "occasionally", "often", "daily"),
        Choice(Severity, "how bad", "How bad the pain is: `mild`, `moderate` or `severe`.", "mild", "moderate", "severe"),
        Choice(Duration, "how long the pain lasts", "How long the pain of a cramp lasts: `seconds`, `minutes` or `hours`.",
            "seconds", "minutes", "hours"),
        Choice(OngoingFor, "how long cramps have gone on",
            "How long the cramps have been coming (not how long one lasts, which is `duration`): `days`, `weeks`, `months` or `years`.",
            "days", "weeks", "months", "years"),
        YesNo(Predictable, "comes after a predictable time or activity",
            "Cramps start after a predictable amount of time or activity, e.g. always after walking the same distance."),
        YesNo(WorseAtRest, "worse at rest", "The cramping pain gets worse when resting."),
        YesNo(WorseWithLegRaised, "worse with the leg raised", "The pain gets worse when the leg is raised (elevated)."),
        YesNo(PainWhenWalking, "pain when walking", "The legs hurt when walking."),
        YesNo(SorenessNextDay, "sore the next day", "The leg is still sore the day after a cramp."),
        YesNo(DisturbsSleep, "cramps regularly disturb sleep", "Cramps or spasms regularly wake the person or keep them awake."),
        YesNo(RecentInjury, "injury in the last 48 hours", "The leg or foot was injured in the last 48 hours."),
        YesNo(SuddenPain, "sudden pain", "Besides the cramp itself, there are other symptoms such as sudden pain."),
        Words(Conditions, "known conditions",
            "Known conditions in everyday words (`diabetes`, `kidney disease`, `poor circulation`), each looked up among the causes' ids, names and aliases.",
            RecordKind.Cause),
        Words(Medications, "medications",
            "Medicines taken, in everyday words (`water pills`, `statins`, `cyclobenzaprine`), looked up among the causes "
            + "(medicines that can bring on cramps) and then the treatments.",
            RecordKind.Cause, RecordKind.Treatment),
        Words(Treatments, "treatments in use",
            "What the person is doing for the cramps (`massage`, `stretching`, `muscle relaxer`), looked up among the treatments.",
            RecordKind.Treatment),
    ];

    // A loop: this runs for every answer of every check, where a LINQ lambda would allocate a closure.
    public static CheckAnswer? Find(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Name == name)
            {
                return All[i];
            }
        }

        return null;
    }

    private static CheckAnswer Choice(string name, string label, string description, params string[] values) =>
        new(name, CheckAnswerKind.Choice, label, description, values, []);

    private static CheckAnswer YesNo(string name, string label, string description) =>
        new(name, CheckAnswerKind.YesNo, label, description, ["true"], []);

    private static CheckAnswer Words(string name, string label, string description, params RecordKind[] looksUp) =>
        new(name, CheckAnswerKind.Records, label, description, [], looksUp);
}
