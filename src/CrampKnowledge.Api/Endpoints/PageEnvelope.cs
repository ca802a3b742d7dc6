using System.Globalization;
using System.Text.Json;
using CrampKnowledge.Api.Contracts;

namespace CrampKnowledge.Api.Endpoints;

/// <summary>
/// The bytes around a list page's rows. The envelope is serialized once, with placeholder numbers,
/// and split where they stand; a request then only writes its page, page size and total into the
/// gaps, so the bytes are the serializer's own in whatever order and spelling it writes them.
/// </summary>
internal sealed class PageEnvelope
{
    private const int PagePlaceholder = 111_111_111;
    private const int PageSizePlaceholder = 222_222_222;
    private const int TotalPlaceholder = 333_333_333;

    private static ReadOnlySpan<byte> EmptyItemsOpening => "{\"items\":[]"u8;

    private readonly byte[][] _literals;
    private readonly int[] _slots;
    private readonly int _literalLength;

    private PageEnvelope(ReadOnlyMemory<byte> opening, byte[][] literals, int[] slots)
    {
        Opening = opening;
        (_literals, _slots) = (literals, slots);
        _literalLength = literals.Sum(l => l.Length);
    }

    /// <summary><c>{"items":[</c>, as the serializer writes it.</summary>
    public ReadOnlyMemory<byte> Opening { get; }

    /// <summary>
    /// The envelope of <paramref name="options"/>, or null when rows cannot be spliced into it: indented
    /// JSON, or a shape that does not open with the items.
    /// </summary>
    public static PageEnvelope? Create(JsonSerializerOptions options)
    {
        var template = JsonSerializer.SerializeToUtf8Bytes(
            new PagedResponse<RecordSummary>([], PagePlaceholder, PageSizePlaceholder, TotalPlaceholder, Disclaimer.Text),
            options.GetTypeInfo(typeof(PagedResponse<RecordSummary>)));
        if (options.WriteIndented || !template.AsSpan().StartsWith(EmptyItemsOpening))
        {
            return null;
        }

        var openingLength = EmptyItemsOpening.Length - 1;
        var closing = template[openingLength..];
        var placeholders = new[] { PagePlaceholder, PageSizePlaceholder, TotalPlaceholder }
            .Select((number, slot) => (Text: number.ToString(CultureInfo.InvariantCulture), Slot: slot))
            .Select(p => (p.Slot, Index: closing.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(p.Text)), p.Text.Length))
            .OrderBy(p => p.Index)
            .ToList();
        if (placeholders.Any(p => p.Index < 0))
        {
            return null;
        }

        var literals = new List<byte[]>();
        var start = 0;
        foreach (var (_, index, length) in placeholders)
        {
            literals.Add(closing[start..index].ToArray());
            start = index + length;
        }

        literals.Add(closing[start..].ToArray());
        return new PageEnvelope(template.AsMemory(0, openingLength), [.. literals], placeholders.Select(p => p.Slot).ToArray());
    }

    /// <summary><c>],"page":…,"pageSize":…,"total":…,"disclaimer":…}</c> for one page.</summary>
    public ReadOnlyMemory<byte> Closing(int page, int pageSize, int total)
    {
        Span<int> numbers = [page, pageSize, total];
        var closing = new byte[_literalLength + (_slots.Length * 11)];
        var written = 0;
        for (var i = 0; i < _literals.Length; i++)
        {
            _literals[i].CopyTo(closing.AsSpan(written));
            written += _literals[i].Length;
            if (i < _slots.Length)
            {
                numbers[_slots[i]].TryFormat(closing.AsSpan(written), out var digits, default, CultureInfo.InvariantCulture);
                written += digits;
            }
        }

        return closing.AsMemory(0, written);
    }
}
