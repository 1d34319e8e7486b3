using System.CommandLine;
using LeadLifecycle.Cli.Simulate;
using LeadLifecycle.Cli.WhatIf;

namespace LeadLifecycle.Cli.Commands;

/// <summary>
/// `llc whatif --model NAME [--criteria NAME]`: how a (draft) scoring model and qualification criteria would grade the
/// open leads, through the scoring part's custom API llc_ScoringWhatIf — in the local organization after a scenario
/// (default: the demo), or in an organization with --url.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create(CliHost host)
    {
        var model = new Option<string>("--model") { Description = "The scoring model: its name, id, or (locally) scenario key", Required = true };
        var criteria = new Option<string?>("--criteria") { Description = "Qualification criteria to try as well: name, id or scenario key" };
        var scenarioPath = new Option<string?>("--scenario") { Description = "Locally: the scenario to run first (default: the built-in demo)" };
        var organization = new OrganizationOptions(urlRequired: false);
        var command = new Command("whatif",
            "Show how many open leads a scoring model (usually Draft) would grade Hot, Warm, Cold and make sales ready, and how many " +
            "qualification criteria would qualify — computed by llc_ScoringWhatIf without writing anything.")
        {
            model, criteria, scenarioPath,
        };
        organization.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(organization.Url) is not null && result.GetValue(scenarioPath) is not null)
                result.AddError("--scenario runs locally; it cannot be combined with --url");
        });
        command.SetAction((parseResult, cancellationToken) => CommandErrors.GuardAsync(host, async () =>
        {
            var modelName = parseResult.GetValue(model)!;
            var criteriaName = parseResult.GetValue(criteria);
            WhatIfOutcome outcome;
            try
            {
                if (parseResult.GetValue(organization.Url) is not null)
                {
                    using var api = organization.Connect(parseResult, host);
                    outcome = await new OrganizationWhatIf(api).RunAsync(modelName, criteriaName, cancellationToken);
                }
                else
                {
                    var scenario = parseResult.GetValue(scenarioPath) is { } path ? Scenario.Load(path) : SimulateCommand.LoadDemo();
                    outcome = LocalWhatIf.Run(scenario, modelName, criteriaName);
                }
            }
            catch (Exception ex) when (ex is ScenarioFormatException or WhatIfInputException)
            {
                // An unreadable scenario, or a model or criteria that does not exist: bad input, exit 2 (README, "Exit codes").
                host.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadArguments;
            }
            catch (ScenarioStepException ex)
            {
                // llc_ScoringWhatIf itself failed.
                host.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failure;
            }
            host.Console.Write(outcome.ToTable(modelName, criteriaName));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
