using System.Globalization;
using System.Text.RegularExpressions;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>
/// What the fuzzer knows about one parameter: its kind, values that are valid on the live data, and
/// the ranges its description documents ("1-100", "from 1", "1-200 characters").
/// </summary>
/// <param name="Vocabulary">The value must name a known term or record, so junk in it is a documented 400.</param>
public sealed partial record ParameterProfile(
    ApiParameter Parameter, ParameterKind Kind, IReadOnlyList<string> ValidValues, int? Min, int? Max, int? MaxLength, bool Vocabulary)
{
    public string Name => Parameter.Name;

    public static ParameterProfile For(ApiOperation operation, ApiParameter parameter, LiveData live)
    {
        var description = parameter.Description;
        var kind = parameter.InPath ? ParameterKind.PathId : parameter.Type switch
        {
            "integer" => ParameterKind.WholeNumber,
            "boolean" => ParameterKind.TrueFalse,
            "array" => ParameterKind.TextList,
            _ => ParameterKind.Text,
        };

        int? min = null, max = null, maxLength = null;
        if (Range().Match(description) is { Success: true } range)
        {
            if (range.Groups["characters"].Success)
            {
                maxLength = Number(range.Groups["max"].Value);
            }
            else
            {
                (min, max) = (Number(range.Groups["min"].Value), Number(range.Groups["max"].Value));
            }
        }
        else if (From().Match(description) is { Success: true } from)
        {
            min = Number(from.Groups["min"].Value);
        }

        var values = ValidValuesFor(operation, parameter, kind, live, min, max);
        if (parameter.Example is { } example && !values.Contains(example))
        {
            values.Add(example);
        }

        var vocabulary = parameter.Name is "category" or "source" or "cause" or "treatment" or "urgency" or "sort" or "types";
        return new ParameterProfile(parameter, kind, values, min, max, maxLength, vocabulary);
    }

    private static List<string> ValidValuesFor(ApiOperation operation, ApiParameter parameter, ParameterKind kind, LiveData live, int? min, int? max)
    {
        var collection = operation.Collection;
        switch (kind)
        {
            case ParameterKind.PathId:
                return [.. live.Ids[collection]];
            case ParameterKind.WholeNumber:
                var low = min ?? 1;
                var high = Math.Min(max ?? 10, 100);
                return Enumerable.Range(low, Math.Max(1, Math.Min(high - low + 1, 12))).Select(Text).Append(Text(high)).Distinct().ToList();
            case ParameterKind.TrueFalse:
                return ["true", "false", "True", "FALSE"];
            default:
                break;
        }

        return parameter.Name switch
        {
            "q" when collection == "search" => [.. live.Names.Values.SelectMany(n => n), .. live.RulePhrases, "charley horse", "water pills", "night cramps"],
            "q" => [.. live.Names.GetValueOrDefault(collection, []).Select(n => n.Length > 4 ? n[..4] : n), .. live.Names.GetValueOrDefault(collection, [])],
            "category" => [.. live.Categories[collection]],
            "source" => [.. live.Ids["sources"], .. live.Ids["sources"].Select(s => s.ToUpperInvariant())],
            "cause" => [.. live.Ids["causes"], .. live.Names["causes"], .. live.Names["causes"].Select(n => n.ToUpperInvariant())],
            "treatment" => [.. live.Ids["treatments"], .. live.Names["treatments"]],
            "urgency" => [.. live.Urgencies],
            "sort" => Backticked().Matches(parameter.Description).Select(m => m.Groups[1].Value).ToList(),
            "types" => ListedTypes().Match(parameter.Description) is { Success: true } types
                ? types.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()
                : [],
            _ => [],
        };
    }

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<min>\d+)-(?<max>\d+)(?<characters> characters)?")]
    private static partial Regex Range();

    [GeneratedRegex(@"from (?<min>\d+)")]
    private static partial Regex From();

    [GeneratedRegex("`([^`/]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex("any of ([a-z, -]+);")]
    private static partial Regex ListedTypes();
}
