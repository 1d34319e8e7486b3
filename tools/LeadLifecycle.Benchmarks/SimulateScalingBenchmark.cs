using System.Diagnostics;
using System.Globalization;
using LeadLifecycle.Cli.Generate;

namespace LeadLifecycle.Benchmarks;

/// <summary>One measured `llc simulate --quiet --out` run: whole-command wall time, CPU time and peak memory (RSS).</summary>
internal sealed record SimulateRun(double WallSeconds, double CpuSeconds, long PeakBytes, int ExitCode, string Summary)
{
    /// <summary>The machine's load average (1 minute) as the run started and ended: how many runnable processes shared its
    /// cores — on a 2-core machine at load L a process gets about 2/L of a core, so wall time stretches, CPU time does not.</summary>
    public (double Start, double End) Load { get; init; }
}

/// <summary>The measurements of one organization size: its runs and their medians.</summary>
internal sealed record SimulateScale(string Label, double Factor, ScenarioSize Size, int Steps, IReadOnlyList<SimulateRun> Runs)
{
    public double MedianWall => Median(Runs.Select(r => r.WallSeconds));
    public double MedianCpu => Median(Runs.Select(r => r.CpuSeconds));
    public long MedianPeak => (long)Median(Runs.Select(r => (double)r.PeakBytes));
    public double MaxLoad => Runs.Count == 0 ? 0 : Runs.Max(r => Math.Max(r.Load.Start, r.Load.End));
    public bool Ok => Runs.All(r => r.ExitCode == 0);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>
/// Issue #16's benchmark: `llc generate-scenario` writes organizations of 1×, 2×, 4×, 8× the 100 % workload (2,000
/// contacts, 2,000 leads, 20,000 interactions) and a 20,000 / 20,000 / 200,000 one (10×); each is run as a user runs it,
/// `llc simulate SCENARIO --quiet --out RESULT.json` in its own process, timed whole (start-up and the result file
/// included) by /usr/bin/time when the machine has it (else by a stopwatch and the process's peak working set).
/// </summary>
internal static class SimulateScalingBenchmark
{
    public static IReadOnlyList<SimulateScale> Run(IReadOnlyList<double> factors, Func<double, int> runsFor)
    {
        var folder = Directory.CreateTempSubdirectory("leadlifecycle-simulate-scaling-").FullName;
        var scales = new List<SimulateScale>();
        try
        {
            foreach (var factor in factors)
            {
                var size = ScenarioSize.Scaled(factor);
                var scenario = Path.Combine(folder, $"scenario-{factor.ToString(CultureInfo.InvariantCulture)}x.json");
                using (var writer = new StreamWriter(scenario)) ScenarioGenerator.Write(size, writer);
                var steps = File.ReadLines(scenario).Count(line => line.StartsWith("    {", StringComparison.Ordinal));
                var runs = new List<SimulateRun>();
                for (var i = 0; i < runsFor(factor); i++)
                {
                    var run = Simulate(scenario, Path.Combine(folder, "result.json"));
                    Console.WriteLine($"simulate {Label(factor, size)}: {run.WallSeconds:0.0} s wall, {run.CpuSeconds:0.0} s CPU, {run.PeakBytes / 1e6:0} MB, load {run.Load.Start:0.#}–{run.Load.End:0.#} — {run.Summary}");
                    runs.Add(run);
                }
                scales.Add(new SimulateScale(Label(factor, size), factor, size, steps, runs));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return scales;
    }

    public static string Label(double factor, ScenarioSize size) => factor switch
    {
        10 => $"{size.Contacts:N0} / {size.Leads:N0} / {size.Interactions:N0}",
        _ => $"{factor.ToString("0.##", CultureInfo.InvariantCulture)}×",
    };

    private static SimulateRun Simulate(string scenario, string result)
    {
        var llc = Path.Combine(AppContext.BaseDirectory, "llc.dll");
        string[] command = ["dotnet", llc, "simulate", scenario, "--quiet", "--out", result];
        var before = LoadAverage();
        var run = File.Exists("/usr/bin/time") ? Timed(command) : Watched(command);
        return run with { Load = (before, LoadAverage()) };
    }

    /// <summary>The 1-minute load average (/proc/loadavg); 0 where the machine does not say.</summary>
    private static double LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException) { return 0; }
    }

    /// <summary>GNU time: elapsed wall seconds, user and system CPU seconds, maximum resident set size in KB.</summary>
    private static SimulateRun Timed(string[] command)
    {
        var report = Path.GetTempFileName();
        try
        {
            var (exit, output) = Start(["/usr/bin/time", "-o", report, "-f", "%e %U %S %M", .. command], process => process.WaitForExit());
            var parts = File.ReadAllLines(report).Last().Split(' ');
            double Seconds(int i) => double.Parse(parts[i], CultureInfo.InvariantCulture);
            return new SimulateRun(Seconds(0), Seconds(1) + Seconds(2), long.Parse(parts[3], CultureInfo.InvariantCulture) * 1024, exit, output);
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static SimulateRun Watched(string[] command)
    {
        var watch = Stopwatch.StartNew();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        var (exit, output) = Start(command, process =>
        {
            while (!process.WaitForExit(50))
            {
                try
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.PeakWorkingSet64);
                    cpu = process.TotalProcessorTime;
                }
                catch (InvalidOperationException) { break; }
            }
        });
        return new SimulateRun(watch.Elapsed.TotalSeconds, cpu.TotalSeconds, peak, exit, output);
    }

    private static (int Exit, string Output) Start(string[] command, Action<Process> wait)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {command[0]}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        wait(process);
        process.WaitForExit();
        var summary = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return (process.ExitCode, process.ExitCode == 0 ? summary : summary + " " + stderr.Result.Trim());
    }
}
