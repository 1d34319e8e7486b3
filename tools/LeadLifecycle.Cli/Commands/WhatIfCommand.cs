using System.CommandLine;

namespace LeadLifecycle.Cli.Commands;

/// <summary>
/// `llc whatif`: shows how a lead would score under the scoring models (scoring issue). The command is wired; it calls
/// the scoring custom API once the scoring part names it, and until then says so and exits 1.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create(CliHost host)
    {
        var lead = new Option<string>("--lead") { Description = "The lead to evaluate (id)" };
        var url = new Option<string>("--url") { Description = "An organization (default: the local organization)" };
        var command = new Command("whatif", "Show how a lead would score under the live and draft scoring models (not available yet).")
        {
            lead, url,
        };
        command.SetAction(_ =>
        {
            host.Error.WriteLine("error: `whatif` is not available yet: it will call the scoring custom API once the scoring part ships it.");
            return ExitCodes.Failure;
        });
        return command;
    }
}
