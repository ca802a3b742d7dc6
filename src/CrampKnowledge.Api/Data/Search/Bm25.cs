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
    /// The document-length part of the score, K1 · (1 − B + B · dl / avgdl). FTS5 computes it per phrase; it is the
    /// same value every time, so once per row, at start-up, gives the same bits.
    /// </summary>
    /// <param name="rowSize">Tokens in the row.</param>
    /// <param name="averageRowSize">Tokens per row over the table.</param>
    public static double LengthNorm(int rowSize, double averageRowSize) => K1 * (1 - B + (B * (double)rowSize / averageRowSize));

    /// <param name="idf">Per phrase, from <see cref="InverseDocumentFrequency"/>.</param>
    /// <param name="frequencies">Per phrase, the column weights of its instances in the row, summed.</param>
    /// <param name="lengthNorm">The row's <see cref="LengthNorm"/>.</param>
    /// <returns>The relevance, higher is better: FTS5's bm25() without its minus sign.</returns>
    public static double Score(ReadOnlySpan<double> idf, ReadOnlySpan<double> frequencies, double lengthNorm)
    {
        var score = 0.0;
        for (var i = 0; i < idf.Length; i++)
        {
            // A phrase absent from the row adds idf · 0 / x = +0.0, which leaves the sum's bits alone: skip it.
            if (frequencies[i] != 0.0)
            {
                score += idf[i] * (frequencies[i] * (K1 + 1.0) / (frequencies[i] + lengthNorm));
            }
        }

        return score;
    }
}
