using System.Globalization;
using System.Text;

namespace CrampKnowledge.EndToEnd.Tests.Fuzzing;

/// <summary>Renders raw HTTP bytes readably but exactly, so a failing request can be replayed by hand.</summary>
public static class WireText
{
    private const int RunThreshold = 24;

    /// <summary>
    /// Printable ASCII as is; <c>\r</c>, <c>\t</c>, <c>\\</c> and <c>\xHH</c> escapes otherwise; a line feed
    /// as <c>\n</c> plus a real line break; a run of more than 24 equal bytes as <c>b⟨×count⟩</c>.
    /// </summary>
    public static string Escape(ReadOnlySpan<byte> bytes, int maxChars, bool breakLines = true)
    {
        var text = new StringBuilder();
        var i = 0;
        while (i < bytes.Length)
        {
            if (text.Length > maxChars)
            {
                text.Append(CultureInfo.InvariantCulture, $"…[{bytes.Length - i} more bytes]");
                break;
            }

            var run = 1;
            while (i + run < bytes.Length && bytes[i + run] == bytes[i])
            {
                run++;
            }

            if (run > RunThreshold)
            {
                Append(text, bytes[i], breakLines);
                text.Append(CultureInfo.InvariantCulture, $"⟨×{run}⟩");
                i += run;
                continue;
            }

            Append(text, bytes[i], breakLines);
            i++;
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, byte b, bool breakLines)
    {
        switch (b)
        {
            case (byte)'\\':
                text.Append(@"\\");
                break;
            case (byte)'\r':
                text.Append(@"\r");
                break;
            case (byte)'\n':
                text.Append(breakLines ? "\\n\n" : "\\n");
                break;
            case (byte)'\t':
                text.Append(@"\t");
                break;
            case >= 0x20 and < 0x7F:
                text.Append((char)b);
                break;
            default:
                text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
                break;
        }
    }
}
