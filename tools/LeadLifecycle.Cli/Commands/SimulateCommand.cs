using System.CommandLine;
using System.Reflection;
using LeadLifecycle.Cli.Simulate;

namespace LeadLifecycle.Cli.Commands;

/// <summary>
/// `llc simulate [SCENARIO.json] [--out RESULT.json]`: runs a scenario (or the built-in lifecycle demo) through the
/// real plug-ins and shipped registrations in the local organization, shows the timeline and the final state, and
/// writes the result file.
/// </summary>
internal static class SimulateCommand
{
    public const string DemoResource = "lifecycle-demo.json";

    public static Command Create(CliHost host)
    {
        var scenarioArgument = new Argument<string?>("SCENARIO.json")
        {
            Description = "The scenario to run (format: docs/scenario-format.md); without it, the built-in demo of the whole lifecycle",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write the result (every step's outcome and every record after the last step) to this JSON file; " +
                          "written only when complete",
        };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary line (with --out, for pipelines)" };
        var command = new Command("simulate",
            "Run a scenario through the real plug-ins and shipped step registrations in the local organization (no Dataverse needed): " +
            "a timeline of what each step changed, the final state of leads, contacts and accounts, and optionally RESULT.json.")
        {
            scenarioArgument, output, quiet,
        };
        command.SetAction(parseResult =>
        {
            var scenarioPath = parseResult.GetValue(scenarioArgument);
            ResultFile? resultFile = null;
            Scenario scenario;
            try
            {
                if (parseResult.GetValue(output) is { } resultPath) resultFile = ResultFile.Prepare(resultPath, scenarioPath);
                scenario = scenarioPath is not null ? Scenario.Load(scenarioPath) : LoadDemo();
            }
            catch (ScenarioFormatException ex)
            {
                host.Error.WriteLine($"error: {ex.Message}");
                if (resultFile is not null) host.Error.WriteLine(resultFile.Abandon());
                return ExitCodes.BadArguments;
            }

            var completed = false;
            try
            {
                var exitCode = Run(host, scenario, resultFile, printTimeline: !parseResult.GetValue(quiet));
                completed = true;
                return exitCode;
            }
            finally
            {
                if (!completed && resultFile is not null) host.Error.WriteLine(resultFile.Abandon());
            }
        });
        return command;
    }

    private static int Run(CliHost host, Scenario scenario, ResultFile? resultFile, bool printTimeline)
    {
        var runner = new ScenarioRunner(scenario);
        var display = new RecordDisplay(runner.Organization, runner.Keys);
        var report = new SimulationReport(ReportWriter.For(host), runner.Organization, display);
        var steps = new List<StepResult>();
        using (var timeline = printTimeline ? new ChangeTimeline(runner.Organization, display) : null)
        {
            foreach (var step in runner.RunOnce())
            {
                steps.Add(step);
                if (timeline is not null) report.Step(step, timeline.Changes());
            }
        }
        if (printTimeline) report.FinalState();
        report.Summary(steps);

        if (resultFile is null) return ExitCodes.Ok;
        try
        {
            using (var file = File.Create(resultFile.TemporaryPath)) runner.WriteResult(steps, file);
            resultFile.Commit();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            host.Error.WriteLine($"error: cannot write '{resultFile.Path}': {ex.Message}");
            host.Error.WriteLine(resultFile.Abandon());
            return ExitCodes.Failure;
        }
        host.Out.WriteLine($"Result written to {resultFile.Path}.");
        // A failing step is part of the scenario (it may be the point of it): reported, exit 0.
        return ExitCodes.Ok;
    }

    public static Scenario LoadDemo()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DemoResource)
                           ?? throw new ScenarioFormatException("The built-in demo scenario is missing from this build of llc.");
        return Scenario.Parse(new StreamReader(stream).ReadToEnd(), "built-in demo");
    }
}
