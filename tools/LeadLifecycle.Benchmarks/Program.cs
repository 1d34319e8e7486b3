using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LeadLifecycle.Benchmarks;

// dotnet run -c Release --project tools/LeadLifecycle.Benchmarks -- [--quick] [--scales 1,2,4,8,10] [--runs N]
// (or one part: --events | --calls | --simulate [--write] | --jobs [--write])
// (-- --simulate [--scales …] [--runs N] [--write]: the issue #16 table of `llc simulate` only; see docs/performance.md)
// Records the service calls of every event, times them with BenchmarkDotNet (in-process, short job), times `llc simulate`
// of generated organizations (whole command, own process) and writes docs/performance.md.
var quick = args.Contains("--quick");
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
// Simulate at 1×, 2×, 4×, 8× the 100 % workload and at 20,000 / 20,000 / 200,000 (10×); --quick: two small sizes.
var scales = (Option("--scales") ?? (quick ? "0.05,0.1" : "1,2,4,8,10")).Split(',')
    .Select(f => double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToList();
// Medians of 3 runs up to 2×; the larger sizes once each (minutes per run on a shared 2-core machine). --runs overrides.
var runs = Option("--runs") is { } r ? int.Parse(r, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;

if (args.Contains("--jobs"))
{
    // --jobs [--sizes 100,10000,100000] [--only publish|review] [--write]: background jobs at scale (issue #19): publishing a
    // model over N open leads and the relationship-type review of N contacts (at the largest size). Prints a markdown table;
    // --write also puts it into tools/LeadLifecycle.Benchmarks/JobScale.md, the "Background jobs at scale" section of
    // docs/performance.md (which the full run includes, and which --write refreshes in place).
    // --from FILE: the table printed by an earlier --jobs run of this benchmark, written instead of running again.
    var sizes = (Option("--sizes") ?? "100,10000,100000").Split(',').Select(int.Parse).ToList();
    var lines = new List<string>
    {
        "| work | records | jobs | pages | executions | max calls in one execution | calls per record | simulated time to finish | wall time | complete |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    };
    var all = true;
    if (Option("--from") is { } from)
    {
        lines.AddRange(File.ReadAllLines(from).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| work", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)));
        all = lines.Skip(2).All(l => l.TrimEnd().EndsWith("| yes |", StringComparison.Ordinal));
        foreach (var line in lines) Console.WriteLine(line);
    }
    else
    {
        foreach (var line in lines) Console.WriteLine(line);
        var only = Option("--only");   // publish | review
        var publishRuns = only == "review" ? [] : sizes.Select(JobScaleBenchmark.Publish);
        var reviewRuns = only == "publish" ? [] : sizes.Where(n => n == sizes.Max()).Select(JobScaleBenchmark.Review);
        foreach (var run in publishRuns.Concat(reviewRuns))
        {
            all &= run.Completed;
            var line = $"| {run.Work} | {run.Records:N0} | {run.Jobs} | {run.Pages:N0} | {run.Executions:N0} | {run.MaxExecutionCalls} | " +
                       $"{run.CallsPerRecord:0.0} | {run.SimulatedTime.TotalHours:0.0} h | {run.Wall.TotalSeconds:0} s | {(run.Completed ? "yes" : "NO")} |";
            lines.Add(line);
            Console.WriteLine(line);
        }
    }
    if (args.Contains("--write")) Console.WriteLine("Wrote " + PerformanceReport.WriteJobScale(lines));
    return all ? 0 : 1;
}
if (args.Contains("--simulate"))
{
    // --simulate [--scales 1,2,4,8,10] [--runs N] [--write]: issue #16's table only — `llc simulate` of generated organizations,
    // each run whole in its own process and timed by /usr/bin/time (wall, CPU, peak memory). Prints the section; --write
    // replaces the "`llc simulate` of a whole organization (issue #16)" section of docs/performance.md with it.
    var measured = SimulateScalingBenchmark.Run(scales, factor => runs ?? (quick || factor > 2 ? 1 : 3));
    PerformanceReport.ScalingOnly(measured, quick, args.Contains("--write"));
    return measured.All(s => s.Ok) ? 0 : 1;
}
var profiles = LifecycleEvents.All.ToDictionary(e => e.ToString(), CallProfile.Of);
if (args.Contains("--calls"))
{
    // --calls: the call profile of every lifecycle event only (seconds, no timing): synchronous calls the user's save waits
    // for, all plug-in calls (synchronous and asynchronous), the largest execution.
    Console.WriteLine("| event | growth | sync calls | total calls | max calls in one execution |");
    Console.WriteLine("| --- | --- | --- | --- | --- |");
    foreach (var e in LifecycleEvents.All)
    {
        var p = profiles[e.ToString()];
        Console.WriteLine($"| {e.Name} | {e.Growth} | {p.SyncCalls} | {p.PluginCalls} | {p.MaxExecutionCalls} |");
    }
    foreach (var e in LifecycleEvents.Events.Take(5))
    {
        var p = profiles[e.ToString()];
        Console.WriteLine($"{e.Name}: {string.Join(", ", p.CallsByKind)}");
        Console.WriteLine($"  synchronous: {string.Join("; ", p.SyncExecutions ?? [])}");
    }
    return 0;
}

// A short job keeps the whole run within a few minutes on a shared 2-core machine; --quick is a smoke run.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1).WithWarmupCount(quick ? 1 : 2).WithIterationCount(quick ? 2 : 8)
    .WithInvocationCount(1).WithUnrollFactor(1);
var config = ManualConfig.CreateMinimumViable().AddJob(job).AddLogger(NullLogger.Instance)
    .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "leadlifecycle-benchmarks"));
var summary = BenchmarkRunner.Run<LifecycleBenchmarks>(config);
if (args.Contains("--events"))
{
    // --events: the lifecycle events and growth series only (calls, synchronous calls, BenchmarkDotNet times; a few minutes),
    // written in place into docs/performance.md; the other sections are left as they are.
    Console.WriteLine("Wrote " + PerformanceReport.EventsOnly(profiles, summary));
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}

// Bulk recompute: 1/300 of the documented window (1 s, 20 requests) keeps the run to seconds at the real rate.
var bulk = await BulkRecomputeBenchmark.RunAsync(records: quick ? 60 : 300, scaleFactor: 300);

var scaling = SimulateScalingBenchmark.Run(scales, factor => runs ?? (quick || factor > 2 ? 1 : 3));

var path = PerformanceReport.Write(profiles, summary, bulk, scaling, quick);
Console.WriteLine($"Wrote {path}");
return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) || bulk.ExitCode != 0 || bulk.RecalculatedOnce != bulk.Records
       || scaling.Any(s => !s.Ok) ? 1 : 0;
