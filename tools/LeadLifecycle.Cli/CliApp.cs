using System.CommandLine;
using System.CommandLine.Parsing;
using LeadLifecycle.Cli.Commands;

namespace LeadLifecycle.Cli;

/// <summary>The `llc` command tree and its entry point (the process and the tests both come through here).</summary>
public static class CliApp
{
    public static RootCommand BuildRootCommand(CliHost host)
    {
        var root = new RootCommand("llc — Lead Lifecycle: simulate the solution locally, check and deploy it, and run bulk work against an organization.")
        {
            SimulateCommand.Create(host),
            CheckCommand.Create(host),
            DeployCommand.Create(host),
            RecomputeCommand.Create(host),
            MigrateRelationshipTypesCommand.Create(host),
            WhatIfCommand.Create(host),
            GenerateScenarioCommand.Create(host),
        };
        // A file argument never starts with a dash: `llc simulate --bogus` is an unknown option, not a file named --bogus.
        foreach (var command in root.Subcommands)
            foreach (var argument in command.Arguments)
                argument.Validators.Add(result =>
                {
                    if (result.Tokens.FirstOrDefault(t => t.Value.Length > 1 && t.Value.StartsWith('-')) is { } token)
                        result.AddError($"unknown option '{token.Value}' for `llc {command.Name}`");
                });
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand(host);
        // `llc` alone: what it can do, rather than an error about a missing command.
        var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parseResult.Errors.Count > 0)
        {
            // One clear message per problem, then where to look. Bad arguments exit with 2 (System.CommandLine's own
            // default is 1, which we keep for failures).
            foreach (var message in ErrorMessages(root, parseResult)) host.Error.WriteLine($"error: {message}");
            var command = parseResult.CommandResult.Command;
            host.Error.WriteLine(command is RootCommand
                ? "Run `llc --help` for the commands, or `llc <command> --help` for one of them."
                : $"Run `llc {command.Name} --help` for its usage.");
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

    private static IEnumerable<string> ErrorMessages(RootCommand root, ParseResult parseResult)
    {
        // `llc frobnicate`: System.CommandLine reports both the missing command and the unrecognized token; one is the problem.
        if (parseResult.CommandResult.Command is RootCommand && parseResult.UnmatchedTokens.Count > 0)
        {
            var token = parseResult.UnmatchedTokens[0];
            var names = root.Subcommands.Select(c => c.Name).ToList();
            if (token.StartsWith('-'))
                return [$"unknown option '{token}'; llc takes a command first: {string.Join(", ", names)}"];
            var suggestion = names.FirstOrDefault(name => Distance(name, token) <= 2 || name.StartsWith(token, StringComparison.OrdinalIgnoreCase));
            return [$"'{token}' is not an llc command{(suggestion is null ? ";" : $" — did you mean '{suggestion}'?")} " +
                    $"{(suggestion is null ? "the" : "The")} commands are {string.Join(", ", names)}"];
        }
        return parseResult.Errors.Select(e => e.Message.TrimEnd('.')).Distinct();
    }

    // Levenshtein distance, for "did you mean" on a mistyped command.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1),
                    previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
