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
        var recognized = new List<RecognizedWord>();
        var unrecognized = new List<UnrecognizedWord>();

        void Choice(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                answers.Add(new GivenAnswer(name, value.Trim().ToLowerInvariant(), null, null));
            }
        }

        void YesNo(string name, bool? value)
        {
            if (value is { } yes)
            {
                answers.Add(new GivenAnswer(name, yes ? "true" : "false", null, null));
            }
        }

        void Words(string name, IReadOnlyList<string>? words)
        {
            // Most requests give no list: skip building the query below for nothing.
            if (words is null or { Count: 0 })
            {
                return;
            }

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

        Choice(CheckAnswers.Frequency, request.Frequency);
        Choice(CheckAnswers.Severity, request.Severity);
        Choice(CheckAnswers.Duration, request.Duration);
        YesNo(CheckAnswers.Predictable, request.Predictable);
        YesNo(CheckAnswers.WorseAtRest, request.WorseAtRest);
        YesNo(CheckAnswers.WorseWithLegRaised, request.WorseWithLegRaised);
        YesNo(CheckAnswers.PainWhenWalking, request.PainWhenWalking);
        YesNo(CheckAnswers.SorenessNextDay, request.SorenessNextDay);
        YesNo(CheckAnswers.DisturbsSleep, request.DisturbsSleep);
        YesNo(CheckAnswers.RecentInjury, request.RecentInjury);
        YesNo(CheckAnswers.SuddenPain, request.SuddenPain);
        Words(CheckAnswers.Conditions, request.Conditions);
        Words(CheckAnswers.Medications, request.Medications);
        Words(CheckAnswers.Treatments, request.Treatments);
        return new CheckInput(request.Description ?? "", answers, recognized, unrecognized);
    }
}
