using System.Text.Json.Nodes;
using LeadLifecycle.WebApiStandIn;

namespace LeadLifecycle.Cli.Tests;

public sealed class MigrateRelationshipTypesCommandTests : IDisposable
{
    private const int Suspect = 754100000, PotentialCustomer = 754100002;
    private const int CompetitorRole = 754100000, PartnerRole = 754100001, SupplierRole = 754100002;
    private readonly StandInOrganization _org = new();
    private readonly Guid _partner, _supplierAlsoCompetitor, _customer, _alreadyMigrated;

    public MigrateRelationshipTypesCommandTests()
    {
        // Standard values (account "Relationship Type"): 5 Partner, 10 Supplier, 3 Customer.
        _partner = _org.AddRow("accounts", new JsonObject { ["name"] = "Fabrikam", ["customertypecode"] = 5, ["llc_relationshiproles"] = null });
        _supplierAlsoCompetitor = _org.AddRow("accounts", new JsonObject { ["name"] = "Litware", ["customertypecode"] = 10, ["llc_relationshiproles"] = $"{CompetitorRole}" });
        _customer = _org.AddRow("accounts", new JsonObject { ["name"] = "Contoso", ["customertypecode"] = 3, ["llc_relationshiproles"] = null, ["hasopenopportunity"] = true });
        _alreadyMigrated = _org.AddRow("accounts", new JsonObject { ["name"] = "Adatum", ["customertypecode"] = Suspect, ["llc_relationshiproles"] = $"{PartnerRole}" });
        _org.Recalculate = (_, row) => row["hasopenopportunity"]?.GetValue<bool>() == true ? PotentialCustomer : Suspect;
    }

    private Task<CliRun> Migrate(params string[] extra) =>
        CliRun.RunAsync(["migrate-relationship-types", "--url", _org.Url.ToString(), "--auth", "token", .. extra], CliRun.TokenEnvironment());

    private JsonObject Account(Guid id) => _org.Rows["accounts"][id];

    [Fact]
    public async Task Dry_run_shows_each_account_and_its_new_roles_and_changes_nothing()
    {
        var run = await Migrate("--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("3 accounts have a standard Relationship Type value (dry run", run.Out);
        Assert.Matches(@"Fabrikam\s*│\s*Partner\s*│\s*Partner", run.Out);
        Assert.Matches(@"Litware\s*│\s*Supplier\s*│\s*Competitor, Supplier", run.Out);
        Assert.DoesNotContain("Adatum", run.Out);
        Assert.DoesNotContain(_org.Requests, r => r.StartsWith("PATCH") || r.StartsWith("POST"));
        Assert.Equal(5, Account(_partner)["customertypecode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Standard_values_move_into_roles_added_to_existing_ones_and_the_type_is_re_evaluated()
    {
        var run = await Migrate();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{PartnerRole}", Account(_partner)["llc_relationshiproles"]!.GetValue<string>());
        Assert.Equal($"{CompetitorRole},{SupplierRole}", Account(_supplierAlsoCompetitor)["llc_relationshiproles"]!.GetValue<string>());
        Assert.Null(Account(_customer)["llc_relationshiproles"]); // Customer is a stage, not a role
        Assert.Equal(Suspect, Account(_partner)["customertypecode"]!.GetValue<int>());
        Assert.Equal(PotentialCustomer, Account(_customer)["customertypecode"]!.GetValue<int>());
        Assert.False(_org.Recalculations.ContainsKey(_alreadyMigrated));
        Assert.Contains("Migrated 3 accounts, 0 failed.", run.Out);

        var again = await Migrate();
        Assert.Contains("nothing to migrate", again.Out);
    }

    [Fact]
    public async Task An_account_the_platform_refuses_is_reported_and_the_run_exits_1()
    {
        _org.FailingRows.Add(_customer);

        var run = await Migrate();

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"failed: account {_customer}", run.Error);
        Assert.Equal(Suspect, Account(_partner)["customertypecode"]!.GetValue<int>());
    }

    public void Dispose() => _org.Dispose();
}
