namespace CrampKnowledge.Api.Data.Search;

/// <summary>
/// FTS5's bm25() (fts5Bm25Function in SQLite's fts5_aux.c), with the same constants and the same
/// order of floating-point operations, so scores and ties come out bit for bit as SQLite's did.
/// </summary>
internal static class Bm25
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>
    /// log((N − nHit + 0.5) / (nHit + 0.5)) over all rows; a phrase in more than half the rows
    /// would get a negative weight, so FTS5 floors it at 1e-6.
    /// </summary>
    public static double InverseDocumentFrequency(int rowCount, int rowsWithPhrase)
    {
        var idf = Math.Log((rowCount - rowsWithPhrase + 0.5) / (rowsWithPhrase + 0.5));
        return idf <= 0.0 ? 1e-6 : idf;
    }

    /// <summary>
    /// True when a phrase is in so many rows that <see cref="InverseDocumentFrequency"/> is floored: it tells rows
    /// apart hardly at all, and a row matched by such phrases alone scores about 1e-6 (0 once rounded).
    /// </summary>
    public static bool IsFloored(int rowCount, int rowsWithPhrase) => Math.Log((rowCount - rowsWithPhrase + 0.5) / (rowsWithPhrase + 0.5)) <= 0.0;

    /// <summary>
    /// The document-length part of the score, K1 · (1 − B + B · dl / avgdl). FTS5 computes it per phrase; it is the
    /// same value every time, so once per row, at start-up, gives the same bits.
    /// </summary>
    /// <param name="rowSize">Tokens in the row.</param>
    /// <param name="averageRowSize">Tokens per row over the table.</param>
    public static double LengthNorm(int rowSize, double averageRowSize) => K1 * (1 - B + (B * (double)rowSize / averageRowSize));

    /// <summary>
    /// What one phrase adds to a row's score, idf · f · (K1 + 1) / (f + length norm); bm25 adds these in phrase
    /// order, skipping phrases absent from the row (they would add +0.0, which leaves the sum's bits alone).
    /// </summary>
    /// <param name="idf">The phrase's <see cref="InverseDocumentFrequency"/>.</param>
    /// <param name="frequency">The column weights of the phrase's instances in the row, summed.</param>
    /// <param name="lengthNorm">The row's <see cref="LengthNorm"/>.</param>
    /// <returns>Part of FTS5's bm25() without its minus sign: the sum is the relevance, higher is better.</returns>
    public static double PhraseScore(double idf, double frequency, double lengthNorm) =>
        frequency == 0.0 ? 0.0 : idf * (frequency * (K1 + 1.0) / (frequency + lengthNorm));
}
