using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data.Queries;

namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>A validated check request as the rules read it: the description, and every answer as (name, value).</summary>
internal sealed record CheckInput(
    string Description, IReadOnlyList<GivenAnswer> Answers,
    IReadOnlyList<RecognizedWord> Recognized, IReadOnlyList<UnrecognizedWord> Unrecognized)
{
    public static CheckInput From(RedFlagCheckRequest request, RecordDirectory directory)
    {
        var answers = new List<GivenAnswer>();
        List<RecognizedWord>? recognized = null;
        List<UnrecognizedWord>? unrecognized = null;
        AddChoice(answers, CheckAnswers.Frequency, request.Frequency);
        AddChoice(answers, CheckAnswers.Severity, request.Severity);
        AddChoice(answers, CheckAnswers.Duration, request.Duration);
        AddChoice(answers, CheckAnswers.OngoingFor, request.OngoingFor);
        AddYesNo(answers, CheckAnswers.Predictable, request.Predictable);
        AddYesNo(answers, CheckAnswers.WorseAtRest, request.WorseAtRest);
        AddYesNo(answers, CheckAnswers.WorseWithLegRaised, request.WorseWithLegRaised);
        AddYesNo(answers, CheckAnswers.PainWhenWalking, request.PainWhenWalking);
        AddYesNo(answers, CheckAnswers.SorenessNextDay, request.SorenessNextDay);
        AddYesNo(answers, CheckAnswers.DisturbsSleep, request.DisturbsSleep);
        AddYesNo(answers, CheckAnswers.RecentInjury, request.RecentInjury);
        AddYesNo(answers, CheckAnswers.SuddenPain, request.SuddenPain);
        // Most requests give no list: they skip the look-ups, and their answer shares one empty list.
        foreach (var (name, words) in (ReadOnlySpan<(string, IReadOnlyList<string>?)>)
            [(CheckAnswers.Conditions, request.Conditions), (CheckAnswers.Medications, request.Medications), (CheckAnswers.Treatments, request.Treatments)])
        {
            if (words is { Count: > 0 })
            {
                AddWords(answers, recognized ??= [], unrecognized ??= [], directory, name, words);
            }
        }

        return new CheckInput(request.Description ?? "", answers, recognized ?? [], unrecognized ?? []);
    }

    private static void AddChoice(List<GivenAnswer> answers, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            answers.Add(new GivenAnswer(name, value.Trim().ToLowerInvariant(), null, null));
        }
    }

    private static void AddYesNo(List<GivenAnswer> answers, string name, bool? value)
    {
        if (value is { } yes)
        {
            answers.Add(new GivenAnswer(name, yes ? "true" : "false", null, null));
        }
    }

    private static void AddWords(
        List<GivenAnswer> answers, List<RecognizedWord> recognized, List<UnrecognizedWord> unrecognized,
        RecordDirectory directory, string name, IReadOnlyList<string> words)
    {
        var answer = CheckAnswers.Find(name)!;
        foreach (var word in words.Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var entry = answer.LooksUp.Select(kind => directory.Resolve(kind, word)).FirstOrDefault(e => e is not null);
            if (entry is null)
            {
                var suggestions = answer.LooksUp.SelectMany(kind => directory.SuggestRecords(kind, word)).Distinct().Take(3).ToList();
                unrecognized.Add(new UnrecognizedWord(name, word, suggestions));
            }
            else if (!answers.Any(a => a.Answer == name && a.Value == entry.Id))
            {
                answers.Add(new GivenAnswer(name, entry.Id, word, entry.Name));
                recognized.Add(new RecognizedWord(name, word, entry.Kind.WireName(), entry.Id, entry.Name));
            }
        }
    }
}
