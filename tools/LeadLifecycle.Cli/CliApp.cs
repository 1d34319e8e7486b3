using System.CommandLine;
using LeadLifecycle.Cli.Commands;

namespace LeadLifecycle.Cli;

/// <summary>The `llc` command tree and its entry point (the process and the tests both come through here).</summary>
public static class CliApp
{
    public static RootCommand BuildRootCommand(CliHost host) => new("llc — Lead Lifecycle: simulate the solution locally, check and deploy it, and run bulk work against an organization.")
    {
        SimulateCommand.Create(host),
        CheckCommand.Create(host),
        DeployCommand.Create(host),
        RecomputeCommand.Create(host),
        MigrateRelationshipTypesCommand.Create(host),
        WhatIfCommand.Create(host),
        GenerateScenarioCommand.Create(host),
    };

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var parseResult = BuildRootCommand(host).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // Bad arguments exit with 2 (System.CommandLine's own default is 1, which we keep for failures).
            foreach (var error in parseResult.Errors) host.Error.WriteLine($"error: {error.Message}");
            host.Error.WriteLine("Run `llc --help` or `llc <command> --help` for usage.");
            return ExitCodes.BadArguments;
        }
        var configuration = new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,
            // Ctrl+C cancels the command's token; bulk commands then finish the records in flight and save their checkpoint.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
