using System.CommandLine;

namespace LeadLifecycle.Cli.Commands;

internal static class SimulateCommand
{
    public static Command Create(CliHost host)
    {
        var scenario = new Argument<string?>("SCENARIO.json") { Description = "The scenario to run (default: the built-in demo)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out") { Description = "Write the result (steps and every record) to this JSON file" };
        var command = new Command("simulate", "Run a scenario through the real plug-ins in the local organization.") { scenario, output };
        command.SetAction(_ => ExitCodes.Failure);
        return command;
    }
}
