using System.Runtime;

namespace CrampKnowledge.Api.Hosting;

/// <summary>
/// Hands back the memory that loading the knowledge base used and no longer needs. Loading allocates several times what
/// it keeps (EF's rows, the tokenizer's buffers, the seed files' bytes), and the GC, left alone, returns that memory to
/// the system only slowly: at 100x content the process was resident at 560-585 MB after start-up and a short load, and
/// 370-395 MB with one compacting collection after the load (2 runs each, issue 19). The collection is a pause of its
/// own (about 0.3 s at 100x on this 2-core machine, 15 ms at 1x), so it runs only when the heap has grown large.
/// </summary>
internal static class StartupGarbage
{
    /// <summary>
    /// The GC memory in use (live or garbage) above which a collection pays: after start-up 1x content has 26 MB in use,
    /// 10x 33-52 MB, 100x 330 MB.
    /// </summary>
    private const long WorthCompactingBytes = 128L * 1024 * 1024;

    public static void ReleaseIfLarge()
    {
        // The memory in use alone can miss it: a full collection that ran during the load leaves only what stays live in use
        // (about 116 MB at 100x) with the fragmented rest still committed (one start at 100x stayed at 331 MB resident).
        if (GC.GetTotalMemory(forceFullCollection: false) < WorthCompactingBytes
            && GC.GetGCMemoryInfo().TotalCommittedBytes < WorthCompactingBytes)
        {
            return;
        }

        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
