using System.Diagnostics;
using System.Text.Json.Nodes;
using LeadLifecycle.Cli;
using LeadLifecycle.WebApiStandIn;

namespace LeadLifecycle.Benchmarks;

/// <summary>What one bulk `llc recompute` run against the throttling stand-in achieved.</summary>
internal sealed record BulkRecomputeResult(
    int Records, int Requests, int Throttled, TimeSpan Elapsed, ServiceProtectionLimits Limits, int ScaleFactor,
    int ExitCode, int RecalculatedOnce, int Missed, int Repeated)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>The most requests the limits let through in this run: a full window at once, then the window's rate.</summary>
    public double AllowedRequests => Limits.MaxRequests * Math.Ceiling(Elapsed / Limits.Window);
}

/// <summary>
/// Runs `llc recompute` in process, against the loopback Web API stand-in enforcing Dataverse's service protection
/// limits scaled down in time (same rate, shorter window), with real waits for Retry-After; then checks every record
/// was recalculated exactly once.
/// </summary>
internal static class BulkRecomputeBenchmark
{
    private const int Suspect = 754100000, Prospect = 754100001;

    public static async Task<BulkRecomputeResult> RunAsync(int records, int scaleFactor)
    {
        var limits = ServiceProtectionLimits.Documented.ScaledDownInTime(scaleFactor);
        using var org = new StandInOrganization { Limits = limits, DegreeOfParallelismHint = 8, ActionLatency = TimeSpan.FromMilliseconds(20) };
        org.Recalculate = (_, row) => row["hasopenlead"]?.GetValue<bool>() == true ? Prospect : Suspect;
        var ids = Enumerable.Range(0, records)
            .Select(i => org.AddRow("contacts", new JsonObject { ["customertypecode"] = Suspect, ["hasopenlead"] = i % 3 == 0, ["statecode"] = 0 }))
            .ToList();
        var folder = Directory.CreateTempSubdirectory("llc-bench-recompute-").FullName;
        var output = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = output,
            Console = CliHost.PlainConsole(output),
            GetEnvironmentVariable = name => name == "LLC_ACCESS_TOKEN" ? StandInOrganization.AccessToken : null,
            CreateHttpHandler = () => new SocketsHttpHandler { UseCookies = false },
        };

        var clock = Stopwatch.StartNew();
        var exitCode = await CliApp.RunAsync(["recompute", "--url", org.Url.ToString(), "--auth", "token", "--table", "contact",
            "--page-size", "100", "--checkpoint-dir", folder], host);
        clock.Stop();
        Directory.Delete(folder, recursive: true);
        if (exitCode != 0) Console.Error.WriteLine(output);

        var counts = ids.Select(id => org.Recalculations.GetValueOrDefault(id)).ToList();
        return new BulkRecomputeResult(records, org.Requests.Count - org.ThrottledByLimits, org.ThrottledByLimits, clock.Elapsed, limits, scaleFactor,
            exitCode, counts.Count(c => c == 1), counts.Count(c => c == 0), counts.Count(c => c > 1));
    }
}
