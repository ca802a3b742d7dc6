using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Hosting;
using CrampKnowledge.Api.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrampKnowledge.Api.Endpoints;

public static class RedFlagCheckEndpoints
{
    public static RouteGroupBuilder MapRedFlagCheckEndpoints(this IEndpointRouteBuilder app)
    {
        var redFlags = app.MapGroup("/api/v1/red-flags").WithTags("Red flags");

        redFlags.MapPost("/check", CheckRedFlags).WithName(nameof(CheckRedFlags))
            .WithSummary("Should this person see a doctor? Checks what they say against every red flag's rules.")
            .WithDescription(CheckDescription())
            .WithValidation<RedFlagCheckRequest>();

        // Without this, GET /check would fall through to GET /{id} and answer "no red flag has the id 'check'".
        redFlags.MapMethods("/check", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], OnlyPost)
            .ExcludeFromDescription();

        redFlags.MapGet("/rules", ListRedFlagRules).WithName(nameof(ListRedFlagRules))
            .WithSummary("The rules the red-flag check applies, the answers they test and the seeDoctor levels.")
            .WithDescription("Every red flag's triggers as `POST /api/v1/red-flags/check` evaluates them, numbered as in a match's `reasons`. "
                + "A chatbot can read the answers the rules test and ask the person about them.");

        return redFlags;
    }

    private static JsonOk<RedFlagCheckResponse> CheckRedFlags(
        RedFlagCheckRequest request, RedFlagRuleBook rules, CheckVocabulary vocabulary, RecordDirectory directory, KnowledgeMetrics metrics)
    {
        var answer = Answer(request, rules, vocabulary, directory);
        metrics.RedFlagChecked(answer.SeeDoctor, KnowledgeMetrics.ViaHttp);
        return JsonOk.Of(answer);
    }

    /// <summary>The answer to a validated check request.</summary>
    internal static RedFlagCheckResponse Answer(RedFlagCheckRequest request, RedFlagRuleBook rules, CheckVocabulary vocabulary, RecordDirectory directory)
    {
        var given = CheckInput.From(request, directory);
        // One reading of the description serves both its own answers and the rules' phrases.
        using var found = rules.Phrases.Read(given.Description);
        var input = rules.Described.AddTo(given, found);
        var matches = rules.Check(input, found);
        return Compose(input, matches, vocabulary.Unassessed(input.Description), rules.Entries.Count);
    }

    /// <summary>The answer from its parts: the input with the description's own answers, the matches and the unassessed words.</summary>
    internal static RedFlagCheckResponse Compose(CheckInput input, IReadOnlyList<RedFlagMatch> matches, IReadOnlyList<string> unassessed, int redFlagCount)
    {
        // A condition, medicine or treatment that names no record was not weighed by any rule: like an unassessed word, it keeps a none from being given.
        var level = SeeDoctorLevels.Overall(matches, unassessed.Count > 0 || input.Unrecognized.Count > 0);
        return new RedFlagCheckResponse(
            level, unassessed, SeeDoctorLevels.NoteFor(level, unassessed.Count > 0, input.Unrecognized.Count > 0),
            matches, input.Recognized, input.Unrecognized, redFlagCount, Disclaimer.Text);
    }

    private static ProblemHttpResult OnlyPost(HttpContext context)
    {
        context.Response.Headers.Allow = HttpMethods.Post;
        return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method Not Allowed",
            detail: "The red-flag check takes a POST with a JSON body describing the person's cramps; see /swagger for its fields.");
    }

    private static JsonOk<RedFlagRulesResponse> ListRedFlagRules(RedFlagRuleBook rules, CheckVocabulary vocabulary) =>
        JsonOk.Of(Rules(rules, vocabulary));

    /// <summary>The rules as every interface lists them.</summary>
    internal static RedFlagRulesResponse Rules(RedFlagRuleBook rules, CheckVocabulary vocabulary) =>
        new RedFlagRulesResponse(
            CheckAnswers.All.Select(a => new CheckAnswerField(
                a.Name, KindName(a.Kind), a.Label, a.Description, a.Values, a.LooksUp.Select(k => k.WireName()).ToList())).ToList(),
            SeeDoctorLevels.All.Select(l => new SeeDoctorLevel(l, SeeDoctorLevels.Rank(l), SeeDoctorLevels.Descriptions[l])).ToList(),
            SeeDoctorLevels.UnassessedNote,
            SeeDoctorLevels.NothingMatchedNote,
            SeeDoctorLevels.UnrecognizedNote,
            vocabulary.Summary(),
            rules.Entries.OrderByDescending(e => e.UrgencyRank).ThenBy(e => e.Name, StringComparer.Ordinal).Select(e => e.ToRuleSet()).ToList(),
            Disclaimer.Text);

    private static string KindName(CheckAnswerKind kind) => kind switch
    {
        CheckAnswerKind.Choice => "choice",
        CheckAnswerKind.YesNo => "yes-no",
        _ => "records",
    };

    private static string CheckDescription() =>
        "Send what the person says: `description` (free text, up to 2,000 characters) and/or any of the answers below. "
        + "A request needs at least one of them; an unknown field or value is a 400.\n\n"
        + "**How the rules work.** Every red flag has rules in `seed-data/red-flag-rules.json` (readable at `GET /api/v1/red-flags/rules`). "
        + "A red flag matches when **any** of its triggers matches; a trigger matches when **every** part it has holds:\n"
        + "- `phrases`: one of them occurs in the description: any case, whole words only, simple plural and verb endings tolerated "
        + $"(`cramp` finds \"cramps\", `hurt` finds \"hurting\"); `{PhraseMatcher.Gap}` in a phrase stands for up to {PhraseMatcher.MaxGapWords} words. "
        + $"A phrase negated NegEx-style does not match: after a cue such as \"no\", \"not\", \"don't\", \"never\" or \"without\", within {NegationCues.WindowWords} words "
        + "and before clause punctuation, \"but\" or \"and\" opening a new clause (\"no pain when walking\", \"not severe and I don't have sudden pain\" match nothing). "
        + "Pseudo-negations such as \"no idea\" or \"not only\" negate nothing, and a phrase that says its own negation (\"won't go away\") still matches. "
        + "A cue standing alone after a question or a label (\"Sudden pain? No.\", \"Soreness: none\") denies the clause before it.\n"
        + "- `alsoPhrases`: one of these occurs as well.\n"
        + "- `answers`: each answer it names has one of the listed values (yes/no answers must be `true`; a list answer must include one of the listed ids).\n\n"
        + "Each matched trigger gives a `reasons` entry with the exact words found and the answers that matched, its `seeDoctor` and, "
        + "when it sets its own level, the source quote it rests on (`basis`). A trigger's `seeDoctor` is its own or else its red flag's urgency's "
        + "(caution → none, see-doctor → soon, see-specialist → soon); `promptly` is used only where an article calls consulting a professional "
        + "essential in that situation.\n\n"
        + "**Words the check cannot assess.** The check knows only the warning signs its articles name. Every word of the description must be "
        + "understood: an ordinary word of `seed-data/check-vocabulary.json` (cramps, body parts, activities, times, places, function words; "
        + "the same plural and verb endings), a number, or part of a record's name or alias, a search synonym or a rule phrase found in the "
        + "description (`GET /api/v1/red-flags/rules` → `vocabulary` says exactly how). Any other word (swollen, numb, bruised, or simply a word "
        + "the vocabulary lacks) is returned in `unassessed`, as written, with a fixed `note`: no match is then not an all-clear. "
        + "A denied sign (\"no numbness\") is still listed: the check cannot assess it either way.\n\n"
        + "The overall `seeDoctor` is the highest among all matched triggers, and `unknown` instead of `none` when anything is unassessed "
        + "or unrecognized "
        + "(none < unknown < soon < promptly; `unassessed` is listed whatever the level):\n"
        + string.Concat(SeeDoctorLevels.All.Select(l => $"- `{l}`: {SeeDoctorLevels.Descriptions[l]}\n"))
        + "\nEvery matching red flag is returned, with its citations; none is ever dropped. Matches are sorted by `seeDoctor`, then urgency, then name. "
        + "Words in `conditions`, `medications` and `treatments` that name no record come back in `unrecognized` with suggestions, so a bot can ask again; "
        + "no rule could weigh them, so they make a `none` an `unknown`, with the rules endpoint's `unrecognizedNote`.\n\n"
        + "**The description's own answers.** Times said in words count as answers: `frequency` (\"three nights a week\", \"5x/week\", \"3 nights out of 7\", \"twice weekly\", \"every other day\", \"most nights\" → often; "
        + "\"I frequently wake with cramps\" → often; \"every night\" → daily; \"once a month\" → occasionally), `duration` (\"lasts for hours\" → hours; \"a few seconds\", \"half an hour\" → minutes) "
        + "and `ongoingFor` (\"for two months\", \"months of night cramps\", \"since the summer\"); a time right after an activity (\"I run three times a week\") is about the activity and counts for nothing. Conditions and medicines "
        + "the description names (\"I'm on dialysis\", \"water pills\") count as `conditions`/`medications` and are listed in `recognized`. Negated words give no answer. "
        + "Such an answer shows in `reasons` with `word`, the words it was read from; it adds to the request's own answers, so both count.\n\n"
        + "**Answers:**\n"
        + string.Concat(CheckAnswers.All.Select(a => $"- `{a.Name}`"
            + (a.Kind == CheckAnswerKind.Choice ? $" ({string.Join(" | ", a.Values)})" : a.Kind == CheckAnswerKind.YesNo ? " (true | false)" : " (list of words)")
            + $": {a.Description}\n"));
}
