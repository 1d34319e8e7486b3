using System.CommandLine;
using LeadLifecycle.Cli.Recompute;
using Spectre.Console;

namespace LeadLifecycle.Cli.Commands;

/// <summary>`llc recompute --url ...`: recalculates relationship types in bulk through the custom API, resumable.</summary>
internal static class RecomputeCommand
{
    public static Command Create(CliHost host)
    {
        var organization = new OrganizationOptions();
        var table = new Option<string>("--table") { Description = "contact or account (default: contacts, then accounts)" };
        table.AcceptOnlyFromAmong("contact", "account");
        var filter = new Option<string>("--filter") { Description = "OData $filter choosing the records, e.g. \"statecode eq 0\"" };
        var checkpointDirectory = new Option<string>("--checkpoint-dir")
        {
            Description = "Folder of the checkpoint files (llc-recompute-<table>.checkpoint.jsonl); an interrupted run resumes from them",
            DefaultValueFactory = _ => ".",
        };
        var pageSize = new Option<int>("--page-size") { Description = "Records per page (odata.maxpagesize)", DefaultValueFactory = _ => BulkRecalculation.DefaultPageSize };
        var maxParallel = new Option<int?>("--max-parallel") { Description = "Upper bound on parallel requests (default: the organization's x-ms-dop-hint)" };
        pageSize.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 5000) r.AddError("--page-size must be between 1 and 5000"); });
        maxParallel.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--max-parallel must be 1 or more"); });

        var command = new Command("recompute", "Recalculate the relationship type of contacts and accounts through the custom APIs " +
                                               "llc_RecalculateContactRelationshipType / llc_RecalculateAccountRelationshipType, " +
                                               "in parallel as the organization recommends, resumable after an interruption.")
        {
            table, filter, checkpointDirectory, pageSize, maxParallel,
        };
        organization.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandErrors.GuardAsync(host, async () =>
        {
            using var api = organization.Connect(parseResult, host);
            var tables = parseResult.GetValue(table) is { } name ? [RelationshipTable.Named(name)] : RelationshipTable.All;
            var exitCode = ExitCodes.Ok;
            foreach (var relationshipTable in tables)
            {
                var run = new RecomputeCheckpoint.RunIdentity(api.OrganizationUrl.ToString(), relationshipTable.LogicalName,
                    parseResult.GetValue(filter), relationshipTable.RecalculationApi);
                var path = Path.Combine(parseResult.GetValue(checkpointDirectory)!, $"llc-recompute-{relationshipTable.LogicalName}.checkpoint.jsonl");
                RecomputeCheckpoint checkpoint;
                try { checkpoint = RecomputeCheckpoint.OpenOrStart(path, run); }
                catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    host.Error.WriteLine($"error: {ex.Message}");
                    return ExitCodes.BadArguments;
                }
                using (checkpoint)
                {
                    if (checkpoint.Resumed)
                        host.Console.WriteLine($"Resuming from {path}: {checkpoint.Done} {relationshipTable.LogicalName} records already done.");
                    var bulk = new BulkRecalculation(api, new RelationshipTypeRecalculator(api))
                    {
                        PageSize = parseResult.GetValue(pageSize), MaxParallel = parseResult.GetValue(maxParallel),
                    };
                    try
                    {
                        await ProgressDisplay.RunAsync(host.Console, $"Recalculating {relationshipTable.EntitySetName}", async progress =>
                        {
                            await bulk.RunAsync(relationshipTable, run.Filter, checkpoint, progress, cancellationToken);
                            return 0;
                        });
                    }
                    catch (OperationCanceledException)
                    {
                        Summarise(host, relationshipTable, checkpoint, bulk, api.ThrottledResponses);
                        host.Error.WriteLine($"Interrupted. Run the same command again to resume from {path}.");
                        return ExitCodes.Interrupted;
                    }
                    catch (Exception) when (File.Exists(path))
                    {
                        // A lost connection, a refused token, an error reading a page: what is done is kept.
                        host.Error.WriteLine($"Stopped after {checkpoint.Done} {relationshipTable.LogicalName} records (the error follows). " +
                                             $"Run the same command again to resume from {path}.");
                        throw;
                    }
                    Summarise(host, relationshipTable, checkpoint, bulk, api.ThrottledResponses);
                    if (checkpoint.Failed > 0) exitCode = ExitCodes.Failure;
                    checkpoint.Delete();
                }
            }
            return exitCode;
        }));
        return command;
    }

    private static void Summarise(CliHost host, RelationshipTable table, RecomputeCheckpoint checkpoint, BulkRecalculation bulk, int throttled)
    {
        var summary = new Table().AddColumns("Table", "Changed", "Unchanged", "Failed", "Throttled (429) waits");
        summary.AddRow(table.LogicalName, checkpoint.Changed.ToString(), checkpoint.Unchanged.ToString(), checkpoint.Failed.ToString(), throttled.ToString());
        host.Console.Write(summary);
        foreach (var failure in bulk.Failures.Take(20))
            host.Error.WriteLine($"failed: {table.LogicalName} {failure.Id}: {failure.Message}");
        var earlier = checkpoint.FailedIds.Except(bulk.Failures.Select(f => f.Id)).ToList();
        if (earlier.Count > 0)
            host.Error.WriteLine($"failed before the resume: {string.Join(", ", earlier.Take(20))}{(earlier.Count > 20 ? ", ..." : "")}");
    }
}
