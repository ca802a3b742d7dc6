namespace CrampKnowledge.Api.Data.RedFlagChecks;

/// <summary>
/// The time phrases a description is read with (see <see cref="TimePhrase"/>). Frequency values follow
/// <see cref="CheckAnswers"/>: once, occasionally (less than weekly), often (several times a week), daily (every
/// day or night). Where two phrases found overlap for the same answer, the longer wins: "nearly every night"
/// is often, not the "every night" inside it.
/// </summary>
internal static class TimePhrases
{
    public static readonly IReadOnlyList<TimePhrase> All = Build();

    private static List<TimePhrase> Build()
    {
        var phrases = new List<TimePhrase>();

        void Often(string value, TimeGuard guard, params string[] texts) =>
            phrases.AddRange(texts.Select(t => new TimePhrase(t, CheckAnswers.Frequency, value, TimeScale.Fixed, guard)));

        // "Three nights a week", "2 times per month", "a couple of times a year", "twice a week", "three nights this week",
        // "a couple of nights a week" (only "of times" was read: "a couple of nights a week" answered none).
        foreach (var (period, scale) in (ReadOnlySpan<(string, TimeScale)>)
            [("day", TimeScale.PerDay), ("night", TimeScale.PerDay), ("week", TimeScale.PerWeek), ("month", TimeScale.PerMonth), ("year", TimeScale.PerYear)])
        {
            foreach (var counted in (ReadOnlySpan<string>)
                ["", "time ", "of time ", "night ", "of night ", "day ", "of day ", "evening ", "of evening ", "cramp ", "of cramp "])
            {
                foreach (var per in (ReadOnlySpan<string>)["a", "per", "each", "every", "this", "in a"])
                {
                    phrases.Add(new TimePhrase($"# {counted}{per} {period}", CheckAnswers.Frequency, null, scale, TimeGuard.NotAfterActivity));
                }

                // "5x/week", "3 nights/week": the slash says per.
                phrases.Add(new TimePhrase($"# {counted}{period}", CheckAnswers.Frequency, null, scale, TimeGuard.PerAfterSlash));
            }
        }

        // "Twice weekly", "three times weekly", "2 nights weekly", "twice daily".
        foreach (var (period, scale) in (ReadOnlySpan<(string, TimeScale)>)
            [("daily", TimeScale.PerDay), ("nightly", TimeScale.PerDay), ("weekly", TimeScale.PerWeek), ("monthly", TimeScale.PerMonth), ("yearly", TimeScale.PerYear)])
        {
            foreach (var counted in (ReadOnlySpan<string>)["", "time ", "night ", "day "])
            {
                phrases.Add(new TimePhrase($"# {counted}{period}", CheckAnswers.Frequency, null, scale, TimeGuard.NotAfterActivity));
            }
        }

        // "3 nights out of 7", "4 out of 7 nights", "5 days out of every 7": the share of nights or days.
        foreach (var period in (ReadOnlySpan<string>)["night", "day", "evening"])
        {
            foreach (var every in (ReadOnlySpan<string>)["", "every "])
            {
                phrases.Add(new TimePhrase($"# {period} out of {every}#", CheckAnswers.Frequency, null, TimeScale.OutOf, TimeGuard.NotAfterActivity));
                phrases.Add(new TimePhrase($"# out of {every}# {period}", CheckAnswers.Frequency, null, TimeScale.OutOf, TimeGuard.NotAfterActivity));
            }
        }

        // Hours apart is many a day: "a cramp every couple of hours" answered none. Only right after the cramps: "I drink water
        // every hour" says nothing of them.
        foreach (var every in (ReadOnlySpan<string>)["every hour", "every few hours", "every couple of hours", "every # hour", "every other hour"])
        {
            Often("daily", TimeGuard.None, $"cramp {every}", $"spasm {every}");
        }

        Often("daily", TimeGuard.NotAfterActivity,
            "every night", "every day", "each night", "each day", "every single night", "every single day", "every evening",
            "every morning", "nightly", "daily", "day and night", "night and day");
        // "Most nights" and "nearly every night" are more than half the nights but not all of them: several times a week
        // (often), not every night (daily). Both raise the same red flags; the answer says which the words meant.
        Often("often", TimeGuard.NotAfterActivity,
            "every other day", "every other night", "every second day", "every second night", "most nights", "most days",
            "most evenings", "nearly every night", "almost every night", "nearly every day", "almost every day",
            "practically every night", "night after night", "all the time", "several nights", "most mornings",
            "every few days", "every few nights", "every couple of days", "every couple of nights");
        // Denied absence is presence: "I can't remember a night without cramps", "hardly a night goes by without a cramp".
        // The phrase carries its own cues, so they do not deny it; tied to the cramps after "without".
        foreach (var cue in (ReadOnlySpan<string>)["hardly", "barely", "rarely", "seldom", "never", "can't remember", "cannot remember", "can't recall", "cannot recall", "don't remember"])
        {
            foreach (var period in (ReadOnlySpan<string>)["night", "day"])
            {
                foreach (var form in (ReadOnlySpan<string>)["a", "a single"])
                {
                    Often("often", TimeGuard.None,
                        $"{cue} {form} {period} without ... cramp", $"{cue} {form} {period} without ... spasm",
                        $"{cue} {form} {period} goes by without ... cramp", $"{cue} {form} {period} goes by without ... spasm");
                }
            }
        }

        // Adverbs say how often only next to the cramps ("I frequently wake with leg cramps"), not beside an activity
        // ("I often hike and got cramps once"), which the guard also catches inside the gap.
        foreach (var adverb in (ReadOnlySpan<string>)["often", "frequently", "regularly", "constantly"])
        {
            Often("often", TimeGuard.NotAfterActivity, $"{adverb} ... cramp", $"cramp ... {adverb}", $"{adverb} ... spasm", $"spasm ... {adverb}");
        }

        // The adjective only after them ("my cramps are more frequent"): before a gap it is another word's ("frequent
        // urination and cramps"); right before them the rules' own phrases read it.
        Often("often", TimeGuard.NotAfterActivity, "cramp ... frequent", "spasm ... frequent", "frequent spasm");

        // After a contrast or with the cramps as "they", where "cramp ... frequent" cannot reach: "the cramps aren't severe, just
        // frequent", "not severe, but they are frequent", "they happen often" (each answered none).
        Often("often", TimeGuard.None, "but frequent", "just frequent", "but very frequent");
        foreach (var they in (ReadOnlySpan<string>)["they are", "they're"])
        {
            foreach (var degree in (ReadOnlySpan<string>)["", "very ", "pretty ", "quite ", "really "])
            {
                Often("often", TimeGuard.None, $"{they} {degree}frequent");
            }
        }

        foreach (var happen in (ReadOnlySpan<string>)["they happen", "they come", "they occur", "it happen"])
        {
            Often("often", TimeGuard.None, $"{happen} often", $"{happen} frequently");
        }

        Often("occasionally", TimeGuard.None,
            "occasionally", "occasional", "sometimes", "now and then", "now and again", "once in a while", "from time to time",
            "every so often", "rarely", "every few weeks", "every few months", "every couple of weeks", "every couple of months");
        Often("once", TimeGuard.None,
            "only once", "just once", "once so far", "first time", "first cramp", "one cramp", "a single cramp", "one time");

        // How long the pain of one cramp lasts. Minutes after "last" or "for" by their number: "it lasted 90 minutes" is hours,
        // as "an hour and a half" is (it answered minutes, and none).
        foreach (var (unit, value) in (ReadOnlySpan<(string, string)>)
            [("second", "seconds"), ("sec", "seconds"), ("minute", "minutes"), ("min", "minutes"), ("hour", "hours"), ("hr", "hours")])
        {
            var scale = value == "minutes" ? TimeScale.Minutes : TimeScale.Fixed;
            phrases.Add(new TimePhrase($"last ... {unit}", CheckAnswers.Duration, value, scale, TimeGuard.NotAfterDeterminer));
            phrases.Add(new TimePhrase($"for ... {unit}", CheckAnswers.Duration, value, scale, TimeGuard.NotAfterActivity));
            if (value != "hours")
            {
                // "Gone in a minute", "a few seconds": never hours, as "in the early hours" is a time of night.
                foreach (var text in (ReadOnlySpan<string>)[$"in ... {unit}", $"within ... {unit}", $"# {unit}", $"couple of {unit}"])
                {
                    // Fixed: a bare "90 minutes" may be the walk's ("I walked for 90 minutes"), which "for" is guarded from.
                    phrases.Add(new TimePhrase(text, CheckAnswers.Duration, value, TimeScale.Fixed, TimeGuard.None));
                }
            }
        }

        // "The cramp took 2 hours to go away" answered none: how long it took to go is how long it lasted. No activity guard, as
        // "took" is one ("I took magnesium for 3 weeks"); the words after the hours say what took them.
        foreach (var took in (ReadOnlySpan<string>)["took", "take"])
        {
            foreach (var went in (ReadOnlySpan<string>)["go", "ease", "stop", "pass", "settle", "wear off", "release", "let go"])
            {
                phrases.Add(new TimePhrase($"{took} ... hour to {went}", CheckAnswers.Duration, "hours", TimeScale.Fixed, TimeGuard.None));
            }

            phrases.Add(new TimePhrase($"{took} ... hour for ... cramp", CheckAnswers.Duration, "hours", TimeScale.Fixed, TimeGuard.None));
        }

        // "Half an hour" is minutes, as "30 minutes" is; the hour phrases above leave it (DescribedAnswers.Guarded).
        foreach (var text in (ReadOnlySpan<string>)["half an hour", "half a hour", "half hour"])
        {
            phrases.Add(new TimePhrase(text, CheckAnswers.Duration, "minutes", TimeScale.Fixed, TimeGuard.None));
        }

        // "My calf has been cramping on and off all day", "a cramp all night": cramping that went on for hours.
        foreach (var text in (ReadOnlySpan<string>)["cramp all day", "cramp all night", "cramp on and off all day", "cramp on and off all night"])
        {
            phrases.Add(new TimePhrase(text, CheckAnswers.Duration, "hours", TimeScale.Fixed, TimeGuard.NotAfterActivity));
        }

        foreach (var text in (ReadOnlySpan<string>)["last ... all night", "last ... all day", "last ... whole night", "last ... whole day", "last ... entire night"])
        {
            phrases.Add(new TimePhrase(text, CheckAnswers.Duration, "hours", TimeScale.Fixed, TimeGuard.NotAfterDeterminer));
        }

        // How long cramps have been going on: "for two months", "for the past few weeks", "since the summer".
        foreach (var (unit, value, scale) in (ReadOnlySpan<(string, string?, TimeScale)>)
            [("day", null, TimeScale.Days), ("week", "weeks", TimeScale.Fixed), ("fortnight", "weeks", TimeScale.Fixed),
             ("month", "months", TimeScale.Fixed), ("year", "years", TimeScale.Fixed)])
        {
            // "x 6 months": a clinician's shorthand for "for 6 months" ("65M, nocturnal calf cramps x 6 months" left "x" unassessed).
            foreach (var text in (ReadOnlySpan<string>)[$"for ... {unit}", $"been ... {unit}", $"x # {unit}"])
            {
                phrases.Add(new TimePhrase(text, CheckAnswers.OngoingFor, value, scale, TimeGuard.NotAfterActivity));
            }

            // "Two months of cramps", "weeks of night cramping", "10 days of leg spasms": only with the cramps named after it,
            // and not after "the" or "my" ("the week of my wedding I had a cramp" is a date, not how long). Days need a
            // number: "a day of cramps" is not days.
            foreach (var text in (ReadOnlySpan<string>)[$"# {unit} of ... cramp", $"# {unit} of ... spasm"])
            {
                phrases.Add(new TimePhrase(text, CheckAnswers.OngoingFor, value, scale, TimeGuard.NotAfterDeterminer));
            }

            if (scale != TimeScale.Days)
            {
                foreach (var text in (ReadOnlySpan<string>)[$"{unit} of ... cramp", $"{unit} of ... spasm"])
                {
                    phrases.Add(new TimePhrase(text, CheckAnswers.OngoingFor, value, scale, TimeGuard.NotAfterDeterminer));
                }

                // "Cramps lasting weeks", "they lasted over a month": never the bare "last", which says when ("last week").
                // Not days: "lasted all day" is how long one cramp lasts; "lasted 3 days" is read by "last # day" below.
                foreach (var verb in (ReadOnlySpan<string>)["lasting", "lasted", "lasts"])
                {
                    phrases.Add(new TimePhrase($"{verb} ... {unit}", CheckAnswers.OngoingFor, value, scale, TimeGuard.FirstWordAsWritten));
                }
            }

            foreach (var text in (ReadOnlySpan<string>)[
                $"past few {unit}", $"past # {unit}", $"past couple of {unit}", $"past several {unit}", $"last few {unit}",
                $"last # {unit}", $"last couple of {unit}", $"last several {unit}", $"start ... {unit} ago", $"began ... {unit} ago"])
            {
                phrases.Add(new TimePhrase(text, CheckAnswers.OngoingFor, value, scale, TimeGuard.None));
            }
        }

        // "Since" a season, a month or last year: at least weeks, which is all the words say for sure. "Started in" one
        // says the same, in the past tense only: "they start in the summer" is a season, not since when.
        foreach (var since in (ReadOnlySpan<string>)[
            "summer", "spring", "autumn", "fall", "winter", "christmas", "january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december", "last year", "last month", "the start of the year",
            "the beginning of the year", "new year", "the new year"])
        {
            phrases.Add(new TimePhrase($"since {since}", CheckAnswers.OngoingFor, "weeks", TimeScale.Fixed, TimeGuard.None));
            var when = since.StartsWith("last", StringComparison.Ordinal) ? since : $"in {since}";
            foreach (var started in (ReadOnlySpan<string>)[$"started {when}", $"started back {when}", $"began {when}"])
            {
                phrases.Add(new TimePhrase(started, CheckAnswers.OngoingFor, "weeks", TimeScale.Fixed, TimeGuard.FirstWordAsWritten));
            }

            if (!since.StartsWith("the", StringComparison.Ordinal) && !since.StartsWith("last", StringComparison.Ordinal)
                && !since.StartsWith("new", StringComparison.Ordinal))
            {
                // "Since the summer", and as people also say it, "since last summer" and "since last Christmas".
                phrases.Add(new TimePhrase($"since the {since}", CheckAnswers.OngoingFor, "weeks", TimeScale.Fixed, TimeGuard.None));
                phrases.Add(new TimePhrase($"since last {since}", CheckAnswers.OngoingFor, "weeks", TimeScale.Fixed, TimeGuard.None));
                foreach (var started in (ReadOnlySpan<string>)[$"started in the {since}", $"started last {since}", $"started in early {since}", $"started in late {since}"])
                {
                    phrases.Add(new TimePhrase(started, CheckAnswers.OngoingFor, "weeks", TimeScale.Fixed, TimeGuard.FirstWordAsWritten));
                }
            }
        }

        // "For ages", "for a long time": longer than days, as people say them; weeks is all the words say for sure.
        foreach (var text in (ReadOnlySpan<string>)["for ages", "for a long time", "for such a long time", "for so long", "since forever"])
        {
            phrases.Add(new TimePhrase(text, CheckAnswers.OngoingFor, "weeks", TimeScale.Fixed, TimeGuard.NotAfterActivity));
        }

        // "I've been getting cramps for a while": going on for more than a day, no more is sure. Only after "been": "I had
        // a cramp for a while" is how long one cramp lasted.
        foreach (var text in (ReadOnlySpan<string>)["been ... for a while", "been ... for quite a while", "been ... for some time", "been ... for quite some time"])
        {
            phrases.Add(new TimePhrase(text, CheckAnswers.OngoingFor, "days", TimeScale.Fixed, TimeGuard.NotAfterActivity));
        }

        // "I've had this cramp since this morning", "cramping since last night": cramping that has gone on for hours, and "since
        // yesterday" for a day or more (they answered none). Tied to the cramps before it: "I've been fine since last night" says
        // nothing of them, and a denial ("I haven't had a cramp since yesterday") negates the phrase.
        foreach (var since in (ReadOnlySpan<string>)["this morning", "the morning", "this afternoon", "this evening", "last night", "earlier today", "earlier"])
        {
            phrases.Add(new TimePhrase($"cramp ... since {since}", CheckAnswers.Duration, "hours", TimeScale.Fixed, TimeGuard.None));
            phrases.Add(new TimePhrase($"spasm ... since {since}", CheckAnswers.Duration, "hours", TimeScale.Fixed, TimeGuard.None));
        }

        phrases.Add(new TimePhrase("cramp ... since yesterday", CheckAnswers.OngoingFor, "days", TimeScale.Fixed, TimeGuard.None));
        phrases.Add(new TimePhrase("spasm ... since yesterday", CheckAnswers.OngoingFor, "days", TimeScale.Fixed, TimeGuard.None));

        // "The cramp is still there after 3 hours": it has lasted hours.
        phrases.Add(new TimePhrase("still ... after ... hour", CheckAnswers.Duration, "hours", TimeScale.Fixed, TimeGuard.None));

        // "Since last week": more than a day or two, but no more than that is sure.
        phrases.Add(new TimePhrase("since last week", CheckAnswers.OngoingFor, "days", TimeScale.Fixed, TimeGuard.None));
        phrases.Add(new TimePhrase("started last week", CheckAnswers.OngoingFor, "days", TimeScale.Fixed, TimeGuard.FirstWordAsWritten));

        return phrases;
    }
}
