namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// One place a phrase matched in a row, packed so that sorting gives FTS5's instance order
/// (xInst): by column, then token position, then phrase number.
/// </summary>
internal static class PhraseInstance
{
    public static long Pack(int column, int position, int phrase) => ((long)column << 48) | ((long)(uint)position << 16) | (ushort)phrase;

    public static int Column(long instance) => (int)(instance >> 48);

    public static int Position(long instance) => (int)(uint)(instance >> 16);

    public static int Phrase(long instance) => (ushort)instance;
}
