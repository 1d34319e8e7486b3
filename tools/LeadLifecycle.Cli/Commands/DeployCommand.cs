using System.CommandLine;
using LeadLifecycle.Cli.Deploy;
using LeadLifecycle.SolutionModel;
using Spectre.Console;

namespace LeadLifecycle.Cli.Commands;

/// <summary>`llc deploy SOLUTION.zip --url ...`: imports (or upgrades) the solution and summarises the import job.</summary>
internal static class DeployCommand
{
    public static Command Create(CliHost host)
    {
        var zip = new Argument<string>("SOLUTION.zip") { Description = "The solution to import, e.g. LeadLifecycle_1_0_0_0_managed.zip" };
        var organization = new OrganizationOptions();
        var overwrite = new Option<bool>("--overwrite-unmanaged")
        {
            Description = "Overwrite unmanaged customizations of the solution's components (OverwriteUnmanagedCustomizations)",
        };
        var pollSeconds = new Option<int>("--poll-seconds")
        {
            Description = "Seconds between two looks at the import's system job", DefaultValueFactory = _ => 5,
        };
        var timeoutMinutes = new Option<int>("--timeout-minutes")
        {
            Description = "Give up waiting after this long (the import goes on in the organization)", DefaultValueFactory = _ => 60,
        };
        var flowsFolder = new Option<string?>("--flows")
        {
            Description = "Folder of the cloud flows to install after the import (default: the flows shipped with llc, Solution/flows)",
        };
        pollSeconds.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--poll-seconds must be 0 or more"); });
        timeoutMinutes.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--timeout-minutes must be 1 or more"); });

        var command = new Command("deploy", "Import a solution zip into an organization: a new install (ImportSolutionAsync) or an upgrade " +
                                            "of the installed managed solution (StageAndUpgradeAsync), with progress and the import job's result.")
        {
            zip, overwrite, pollSeconds, timeoutMinutes, flowsFolder,
        };
        organization.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandErrors.GuardAsync(host, async () =>
        {
            SolutionPackage package;
            try { package = SolutionPackage.Read(parseResult.GetValue(zip)!); }
            catch (InvalidDataException ex) { host.Error.WriteLine($"error: {ex.Message}"); return ExitCodes.BadArguments; }

            using var api = organization.Connect(parseResult, host);
            api.Throttled = wait => host.Error.WriteLine($"Throttled by the organization: retrying in {wait.TotalSeconds:0.#} s.");
            var importer = new SolutionImporter(api, host.Delay)
            {
                PollInterval = TimeSpan.FromSeconds(parseResult.GetValue(pollSeconds)),
                Timeout = TimeSpan.FromMinutes(parseResult.GetValue(timeoutMinutes)),
            };
            try { await VerifyStepsAsync(host, api, package, cancellationToken); }
            catch (InvalidDataException ex) { host.Error.WriteLine($"error: {ex.Message}"); return ExitCodes.Failure; }
            catch (SolutionFormatException ex) { host.Error.WriteLine($"error: '{package.Path}': {ex.Message}"); return ExitCodes.BadArguments; }

            var installed = await importer.FindInstalledAsync(package.UniqueName, cancellationToken);
            if (SolutionImporter.Refusal(package, installed) is { } refusal)
            {
                host.Error.WriteLine($"error: {refusal}");
                return ExitCodes.Failure;
            }
            host.Console.WriteLine(Describe(package, installed, api.OrganizationUrl));

            string? lastStatus = null;
            var result = await ProgressDisplay.RunAsync(host.Console, $"Importing {package.UniqueName}", progress =>
                importer.ImportAsync(package, installed, parseResult.GetValue(overwrite), update =>
                {
                    if (update.Percent is { } percent) progress.SetValue(percent);
                    if (update.Status.Label != lastStatus) progress.Note($"system job {update.Status.Label}");
                    lastStatus = update.Status.Label;
                }, cancellationToken));
            Report(host, package, result);
            if (!result.Succeeded) return ExitCodes.Failure;

            // The scheduled cloud flow travels beside the zip (Solution/flows): install it once the solution is in.
            var flows = parseResult.GetValue(flowsFolder) ?? Path.Combine(AppContext.BaseDirectory, "Solution", "flows");
            foreach (var flow in await new CloudFlowInstaller(api).InstallAsync(flows, cancellationToken))
                host.Console.WriteLine($"Cloud flow '{flow.Name}' {(flow.Created ? "created" : "updated")}" +
                                       (flow.TurnedOn ? " and on." : $", {flow.Note}"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Every step names its message by sdkmessage id: check those ids against the organization's sdkmessage rows
    /// before importing, so that a wrong or foreign id stops the deployment before anything is sent.</summary>
    private static async Task VerifyStepsAsync(CliHost host, WebApi.DataverseWebApi api, SolutionPackage package, CancellationToken cancellationToken)
    {
        var verification = await SdkMessageLookup.VerifyAsync(api, package, cancellationToken);
        if (verification.Confirmed.Count > 0)
            host.Console.WriteLine("Message ids of the steps match the organization's sdkmessage rows: " +
                                   string.Join(", ", verification.Confirmed.Keys) + ".");
    }

    private static string Describe(SolutionPackage package, SolutionImporter.InstalledSolution? installed, Uri url)
    {
        var kind = package.IsManaged ? "managed" : "unmanaged";
        var what = installed is null ? "new install"
            : SolutionImporter.IsUpgrade(package, installed) ? $"upgrade from {installed.Version}"
            : $"update of the installed {(installed.IsManaged ? "managed" : "unmanaged")} {installed.Version}";
        return $"Deploying {package.UniqueName} {package.Version} ({kind}) to {url}: {what}.";
    }

    private static void Report(CliHost host, SolutionPackage package, SolutionImporter.Result result)
    {
        var table = new Table().AddColumns("Components", "Succeeded", "Warnings", "Failed");
        foreach (var group in result.Summary.Groups)
            table.AddRow(Markup.Escape(group.Kind), group.Succeeded.ToString(), group.Warnings.ToString(), group.Failed.ToString());
        if (result.Summary.Groups.Count > 0) host.Console.Write(table);
        foreach (var problem in result.Summary.Problems)
            host.Console.WriteLine($"{problem.Result}: {problem.Kind} '{problem.Component}': {problem.Message}" +
                                   (problem.ErrorCode is null or "0" ? "" : $" ({problem.ErrorCode})"));

        if (result.Succeeded)
            host.Console.WriteLine($"{package.UniqueName} {package.Version} imported ({result.Action}, system job {result.AsyncOperationId}, import job {result.ImportJobId}).");
        else
            host.Error.WriteLine($"error: the import of {package.UniqueName} {package.Version} failed ({result.Status.Label}): " +
                                 $"{result.Status.Message ?? result.Summary.Problems.FirstOrDefault(p => p.Result == "failure")?.Message ?? "see the import job"} " +
                                 $"(system job {result.AsyncOperationId}, import job {result.ImportJobId}).");
    }
}
