using System.CommandLine;

namespace LeadLifecycle.Cli.Commands;

/// <summary>`llc check SOLUTION.zip`: inspects a solution zip the way an import would (SolutionChecker).</summary>
internal static class CheckCommand
{
    public static Command Create(CliHost host)
    {
        var zip = new Argument<string>("SOLUTION.zip") { Description = "The solution zip to inspect" };
        var command = new Command("check", "Inspect a solution zip the way an import would and list its defects.") { zip };
        command.SetAction(_ =>
        {
            host.Error.WriteLine("error: check is not wired yet.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
