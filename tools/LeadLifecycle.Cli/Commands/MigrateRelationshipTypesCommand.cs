using System.CommandLine;
using LeadLifecycle.Cli.Migrate;
using LeadLifecycle.Cli.Recompute;
using Spectre.Console;

namespace LeadLifecycle.Cli.Commands;

/// <summary>`llc migrate-relationship-types --url ... [--dry-run]`.</summary>
internal static class MigrateRelationshipTypesCommand
{
    public static Command Create(CliHost host)
    {
        var organization = new OrganizationOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change and change nothing" };
        var command = new Command("migrate-relationship-types",
            "Move accounts' standard Relationship Type values (Competitor, Partner, Supplier, ...) into Relationship Roles " +
            "(llc_relationshiproles) and re-evaluate their relationship type.")
        {
            dryRun,
        };
        organization.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandErrors.GuardAsync(host, async () =>
        {
            using var api = organization.Connect(parseResult, host);
            var migration = new RelationshipTypeMigration(api, new RelationshipTypeRecalculator(api));
            var changes = await migration.PlanAsync(cancellationToken);
            var isDryRun = parseResult.GetValue(dryRun);
            host.Console.WriteLine(changes.Count == 0
                ? "No account has a standard Relationship Type value left: nothing to migrate."
                : $"{changes.Count} accounts have a standard Relationship Type value{(isDryRun ? " (dry run: nothing is changed)" : "")}:");
            if (changes.Count == 0) return ExitCodes.Ok;
            host.Console.Write(PlanTable(changes));
            if (isDryRun) return ExitCodes.Ok;

            var outcomes = new List<RelationshipTypeMigration.Outcome>();
            await ProgressDisplay.RunAsync(host.Console, "Migrating accounts", async progress =>
            {
                progress.SetMaximum(changes.Count);
                foreach (var change in changes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    outcomes.Add(await migration.ApplyAsync(change, CancellationToken.None));
                    progress.Increment();
                }
                return 0;
            });
            foreach (var failed in outcomes.Where(o => !o.Succeeded))
                host.Error.WriteLine($"failed: account {failed.Change.AccountId}: {failed.Error}");
            var failures = outcomes.Count(o => !o.Succeeded);
            host.Console.WriteLine($"Migrated {outcomes.Count - failures} accounts, {failures} failed.");
            return failures == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }));
        return command;
    }

    private static Table PlanTable(IReadOnlyList<RelationshipTypeMigration.Change> changes)
    {
        var table = new Table().AddColumns("Account", "Relationship Type now", "Relationship Roles after", "Then");
        foreach (var change in changes)
            table.AddRow(
                Markup.Escape(change.Name ?? change.AccountId.ToString()),
                change.From.Label,
                change.RolesAfter.Count == 0 ? "-" : string.Join(", ", change.RolesAfter.Select(r => CustomerTypeRoleMap.RoleLabels.GetValueOrDefault(r, r.ToString()))),
                "re-evaluate the type");
        return table;
    }
}
