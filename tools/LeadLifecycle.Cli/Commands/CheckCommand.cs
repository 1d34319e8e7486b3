using System.CommandLine;
using LeadLifecycle.SolutionModel;
using Spectre.Console;

namespace LeadLifecycle.Cli.Commands;

/// <summary>`llc check SOLUTION.zip`: inspects a solution zip the way an import would (SolutionChecker) and lists its defects.</summary>
internal static class CheckCommand
{
    public static Command Create(CliHost host)
    {
        var zip = new Argument<string>("SOLUTION.zip") { Description = "The solution zip to inspect" };
        var strict = new Option<bool>("--warnings-as-errors") { Description = "Fail (exit 1) on warnings too" };
        var command = new Command("check",
            "Inspect a solution zip the way an import would: manifest, root components, plug-in types of every step in the packaged " +
            "assembly, messages and stages, duplicate registrations, filtering attributes, image attributes, option value prefix.")
        {
            zip, strict,
        };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(zip)!;
            if (!File.Exists(path))
            {
                host.Error.WriteLine($"error: the solution file '{path}' does not exist.");
                return ExitCodes.BadArguments;
            }
            var defects = SolutionChecker.Check(path);
            if (defects.Count > 0)
            {
                var table = new Table().AddColumns("Severity", "Rule", "Component", "Problem");
                foreach (var defect in defects.OrderByDescending(d => d.Severity))
                    table.AddRow(defect.Severity.ToString(), Markup.Escape(defect.Rule), Markup.Escape(defect.Component), Markup.Escape(defect.Message));
                host.Console.Write(table);
            }
            var errors = defects.Count(d => d.Severity == DefectSeverity.Error);
            var warnings = defects.Count - errors;
            host.Console.WriteLine($"{Path.GetFileName(path)}: {errors} errors, {warnings} warnings.");
            return errors > 0 || (warnings > 0 && parseResult.GetValue(strict)) ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }
}
