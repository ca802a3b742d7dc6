using System.Diagnostics;
using System.Runtime.InteropServices;
using CrampKnowledge.Api.Contracts;
using CrampKnowledge.Api.Data;
using CrampKnowledge.Api.Data.Entities;
using CrampKnowledge.Api.Data.Queries;
using CrampKnowledge.Api.Data.ReadModel;
using CrampKnowledge.Api.Data.RedFlagChecks;
using CrampKnowledge.Api.Data.Search;
using CrampKnowledge.Api.Data.Seeding;
using CrampKnowledge.Api.Endpoints;
using CrampKnowledge.Api.Hosting;
using MapsterMapper;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// <c>--heap DATABASE SEED [ROUNDS]</c>: loads the knowledge base as the API does, one structure after the other on one
/// thread, and prints the bytes each keeps alive (GC.GetTotalMemory(true) before and after building it, everything built
/// before still referenced), the bytes it allocated, and the thread CPU it took. With ROUNDS &gt; 0 it then rebuilds the
/// red-flag structures ROUNDS times and prints the median build CPU of each, and the median CPU of one red-flag check.
/// </summary>
internal static class HeapBreakdown
{
    private static readonly List<object> Alive = [];

    public static int Run(string[] args)
    {
        var location = new KnowledgeDatabaseLocation(Path.GetFullPath(args[0]), Path.GetFullPath(args[1]));
        var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
        Console.WriteLine($"{"structure",-34} {"retained MB",12} {"allocated MB",13} {"thread CPU ms",14}");
        var mapper = Measure("mapper (Mapster, compiled maps)", () =>
        {
            var mapping = KnowledgeMapping.Create();
            KnowledgeSnapshotLoader.CompileMaps(mapping);
            return new Mapper(mapping);
        });
        var snapshot = Measure("snapshot", () => KnowledgeSnapshotLoader.Load(location, mapper));
        var directory = Measure("record directory", () => RecordDirectory.From(snapshot));
        Measure("search vocabulary", () => SearchVocabulary.Load(snapshot));
        var index = Measure("search index", () => SearchIndex.Build(snapshot));
        Measure("search cautions", () => SearchCautions.Load(snapshot, index));
        var rules = Measure("red-flag rule book", () => RedFlagRuleBook.Load(snapshot));
        var vocabulary = Measure("check vocabulary", () => CheckVocabulary.Load(snapshot));
        foreach (var kind in RecordKinds.All)
        {
            Measure($"typo index, {kind} (lazy)", () => directory.SuggestRecords(kind, "zzqq"));
        }

        Measure("typo index, sources (lazy)", () => directory.SuggestSources("zzqq"));
        Console.WriteLine($"GC heap in use {GC.GetTotalMemory(true) / 1e6:F1} MB; RSS {Environment.WorkingSet / 1e6:F1} MB; mentions {rules.Described.Mentions.Count}; red flags {rules.Entries.Count}");

        if (rounds > 0)
        {
            Median("rule book build", rounds, () => RedFlagRuleBook.Load(snapshot));
            Median("check vocabulary build", rounds, () => CheckVocabulary.Load(snapshot));
            var request = new RedFlagCheckRequest(HotPathBenchmarks.Description, Frequency: "often", PainWhenWalking: true);
            const int checks = 20_000;
            Median($"check x{checks} (endpoint Answer)", rounds, () => RedFlagCheckEndpoints.Answer(request, rules, vocabulary, directory), checks);
        }

        GC.KeepAlive(Alive);
        return 0;
    }

    private static T Measure<T>(string name, Func<T> build)
        where T : notnull
    {
        var before = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpu.Now();
        var built = build();
        var cpu = ThreadCpu.Now() - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Alive.Add(built);
        var retained = GC.GetTotalMemory(true) - before;
        Console.WriteLine($"{name,-34} {retained / 1e6,12:F1} {allocated / 1e6,13:F1} {cpu.TotalMilliseconds,14:F0}");
        return built;
    }

    private static void Median(string name, int rounds, Func<object> run, int repeat = 1)
    {
        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            GC.Collect();
            var cpuBefore = ThreadCpu.Now();
            for (var i = 0; i < repeat; i++)
            {
                GC.KeepAlive(run());
            }

            times.Add((ThreadCpu.Now() - cpuBefore).TotalMilliseconds * 1000 / repeat);
        }

        times.Sort();
        Console.WriteLine($"{name}: median {times[times.Count / 2]:F1} µs thread CPU per run ({rounds} rounds; min {times[0]:F1}, max {times[^1]:F1})");
    }

    // The calling thread's CPU time (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)): the machine is shared, wall time is not.
    private static class ThreadCpu
    {
        private const int ClockThreadCpuTimeId = 3;

        public static TimeSpan Now()
        {
            if (!OperatingSystem.IsLinux())
            {
                return Stopwatch.GetElapsedTime(0);
            }

            _ = ClockGetTime(ClockThreadCpuTimeId, out var time);
            return TimeSpan.FromTicks((time.Seconds * 1_000_000_000 + time.Nanoseconds) / 100);
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
