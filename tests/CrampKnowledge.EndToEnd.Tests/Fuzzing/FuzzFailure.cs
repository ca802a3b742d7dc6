using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>A case whose answer broke a rule, with everything needed to replay it.</summary>
public sealed record FuzzFailure(FuzzCase Case, RawResponse? Response, IReadOnlyList<string> Violations)
{
    public string Describe(string host, int baseSeed)
    {
        var text = new StringBuilder();
        text.AppendLine($"{Case.Name}, base seed {baseSeed}: {Case.Intent}");
        foreach (var violation in Violations)
        {
            text.AppendLine($"  ✗ {violation}");
        }

        text.AppendLine("  request (exact bytes; \\r \\n \\xHH escapes, b⟨×n⟩ = n repeats of b):");
        text.AppendLine(Indent(Case.Request.Describe(host)));
        text.AppendLine("  response:");
        text.AppendLine(Indent(Response?.Describe() ?? "(none)"));
        return text.ToString();
    }

    private static string Indent(string text) => "    " + text.Replace("\n", "\n    ", StringComparison.Ordinal);
}
