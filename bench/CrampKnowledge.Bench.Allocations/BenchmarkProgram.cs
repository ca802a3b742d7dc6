using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace CrampKnowledge.Bench.Allocations;

/// <summary>
/// Runs <see cref="HotPathBenchmarks"/>. <c>--smoke</c> runs each case once (BenchmarkDotNet's dry
/// job): it proves the harness works, not what it measures. Other arguments go to BenchmarkDotNet
/// (<c>--filter</c>, <c>--artifacts</c>). <c>--heap</c> runs <see cref="HeapBreakdown"/> instead.
/// </summary>
public static class BenchmarkProgram
{
    public static int Main(string[] args)
    {
        if (args.FirstOrDefault() == "--heap")
        {
            return HeapBreakdown.Run(args[1..]);
        }

        var smoke = args.Contains("--smoke");
        // In process: the benchmark project sits in the repository, so an out-of-process toolchain
        // would generate and build a project under Directory.Build.props' warnings-as-errors.
        var job = (smoke
                ? Job.Dry
                : Job.Default.WithWarmupCount(3).WithIterationCount(8).WithIterationTime(TimeInterval.FromMilliseconds(250)))
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            // Bytes and microseconds in every row, so bench/report.py reads one unit.
            .WithSummaryStyle(SummaryStyle.Default.WithSizeUnit(SizeUnit.B).WithTimeUnit(TimeUnit.Microsecond))
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly)
            .Run([.. args.Where(a => a != "--smoke")], config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
