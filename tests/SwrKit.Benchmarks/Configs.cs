using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace SwrKit.Benchmarks;

/// <summary>
/// Short jobs, in process: the whole suite must fit in ~15 minutes on 2 cores (no per-benchmark project build, one
/// launch). Every config adds the memory diagnoser and the median/spread columns docs/performance.md quotes.
/// Set SWRKIT_BENCH_EVENTPIPE=1 to add the EventPipe profiler (CPU sampling, .nettrace files in the artifacts).
/// </summary>
public abstract class SwrKitConfig : ManualConfig
{
    protected SwrKitConfig(Job job)
    {
        AddJob(job.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        if (Environment.GetEnvironmentVariable("SWRKIT_BENCH_EVENTPIPE") == "1")
        {
            AddDiagnoser(new EventPipeProfiler(EventPipeProfile.CpuSampling));
        }

        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max, StatisticColumn.Iterations);
        WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
    }
}

/// <summary>Nanosecond-scale code (names, signing).</summary>
public sealed class MicroConfig : SwrKitConfig
{
    public MicroConfig()
        : base(Job.Default.WithId("Micro").WithWarmupCount(2).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(100)))
    {
    }
}

/// <summary>Loopback HTTP calls (tens of microseconds, noisy): more iterations for the ratio.</summary>
public sealed class ClientConfig : SwrKitConfig
{
    public ClientConfig()
        : base(Job.Default.WithId("Client").WithWarmupCount(3).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(250)))
    {
    }
}

/// <summary>Whole compilations (seconds each): one warm-up, a few single-invocation iterations.</summary>
public sealed class AnalyzerConfig : SwrKitConfig
{
    public AnalyzerConfig()
        : base(Job.Default.WithId("Compile").WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1))
    {
    }
}
