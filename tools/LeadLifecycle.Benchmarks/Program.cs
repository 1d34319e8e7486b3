using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LeadLifecycle.Benchmarks;

// dotnet run -c Release --project tools/LeadLifecycle.Benchmarks -- [--quick]
// Records the service calls of every event, times them with BenchmarkDotNet (in-process, short job) and writes docs/performance.md.
var quick = args.Contains("--quick");

var profiles = LifecycleEvents.All.ToDictionary(e => e.ToString(), CallProfile.Of);

// A short job keeps the whole run within a few minutes on a shared 2-core machine; --quick is a smoke run.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1).WithWarmupCount(quick ? 1 : 2).WithIterationCount(quick ? 2 : 8)
    .WithInvocationCount(1).WithUnrollFactor(1);
var config = ManualConfig.CreateMinimumViable().AddJob(job).AddLogger(NullLogger.Instance)
    .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "leadlifecycle-benchmarks"));
var summary = BenchmarkRunner.Run<LifecycleBenchmarks>(config);

// Bulk recompute: 1/300 of the documented window (1 s, 20 requests) keeps the run to seconds at the real rate.
var bulk = await BulkRecomputeBenchmark.RunAsync(records: quick ? 60 : 300, scaleFactor: 300);

var path = PerformanceReport.Write(profiles, summary, bulk, quick);
Console.WriteLine($"Wrote {path}");
return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) || bulk.ExitCode != 0 || bulk.RecalculatedOnce != bulk.Records ? 1 : 0;
