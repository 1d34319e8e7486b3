using System.CommandLine;
using System.Reflection;
using Spectre.Console;
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
            Description = "The scenario to run (the contract's format); without it, the built-in demo of the whole lifecycle",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out") { Description = "Write the result (every step's outcome and every record after the last step) to this JSON file" };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary line (with --out, for pipelines)" };
        var command = new Command("simulate",
            "Run a scenario through the real plug-ins and shipped step registrations in the local organization (no Dataverse needed): " +
            "a timeline of what each step changed, the final state of leads and contacts, and optionally RESULT.json.")
        {
            scenarioArgument, output, quiet,
        };
        command.SetAction(parseResult =>
        {
            Scenario scenario;
            try
            {
                scenario = parseResult.GetValue(scenarioArgument) is { } path ? Scenario.Load(path) : LoadDemo();
            }
            catch (ScenarioFormatException ex)
            {
                host.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadArguments;
            }

            var runner = new ScenarioRunner(scenario);
            var display = new RecordDisplay(runner.Organization, runner.Keys);
            var report = new SimulationReport(host.Console, runner.Organization, display);
            var printTimeline = !parseResult.GetValue(quiet);
            var steps = new List<StepResult>();
            var before = printTimeline ? StateSnapshot.Take(runner.Organization) : null;
            foreach (var step in runner.Run())
            {
                steps.Add(step);
                if (!printTimeline) continue;
                var after = StateSnapshot.Take(runner.Organization);
                report.Step(step, after.ChangesSince(before!, display));
                before = after;
            }
            if (printTimeline) report.FinalState();
            report.Summary(steps);

            if (parseResult.GetValue(output) is { } resultPath)
            {
                try
                {
                    using var file = File.Create(resultPath);
                    runner.WriteResult(steps, file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    host.Error.WriteLine($"error: cannot write '{resultPath}': {ex.Message}");
                    return ExitCodes.Failure;
                }
                host.Console.WriteLine($"Result written to {resultPath}.");
            }
            // A failing step is part of the scenario (it may be the point of it): reported, exit 0.
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Scenario LoadDemo()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DemoResource)
                           ?? throw new ScenarioFormatException("The built-in demo scenario is missing from this build of llc.");
        return Scenario.Parse(new StreamReader(stream).ReadToEnd(), "built-in demo");
    }
}
