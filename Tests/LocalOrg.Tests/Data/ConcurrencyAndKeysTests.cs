using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Data;

/// <summary>Optimistic concurrency (RowVersion) and alternate keys (uniqueness, Upsert, addressing by key).</summary>
public class ConcurrencyAndKeysTests
{
    private readonly LocalOrganization _org = new TestSolution().Table(TestSolution.MarketingForm()).Organization();

    [Fact]
    public void Update_with_IfRowVersionMatches_fails_on_a_stale_version_and_succeeds_on_the_current_one()
    {
        // learn.microsoft.com "Optimistic concurrency": ConcurrencyBehavior.IfRowVersionMatches with Entity.RowVersion.
        var service = _org.GetService();
        var id = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = service.Retrieve("account", id, new ColumnSet("name"));
        service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        var stale = new Entity("account", id) { ["name"] = "Lost update", RowVersion = read.RowVersion };
        var error = Assert.Throws<DataverseFault>(() => service.Execute(new UpdateRequest { Target = stale, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
        Assert.Equal("The version of the existing record doesn't match the RowVersion property provided.", error.Message);
        Assert.Equal("Contoso Ltd", _org.Get("account", id)["name"]);

        var current = service.Retrieve("account", id, new ColumnSet("name"));
        service.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "Contoso Group", RowVersion = current.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
        Assert.Equal("Contoso Group", _org.Get("account", id)["name"]);
    }

    [Fact]
    public void Delete_with_IfRowVersionMatches_needs_the_current_version()
    {
        var service = _org.GetService();
        var id = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = service.Retrieve("account", id, new ColumnSet("name"));
        service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        var error = Assert.Throws<DataverseFault>(() => service.Execute(new DeleteRequest
        {
            Target = new EntityReference("account", id) { RowVersion = read.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));
        Assert.Equal("The version of the existing record doesn't match the RowVersion property provided.", error.Message);
        Assert.NotNull(_org.Find("account", id));

        var current = service.Retrieve("account", id, new ColumnSet("name"));
        service.Execute(new DeleteRequest
        {
            Target = new EntityReference("account", id) { RowVersion = current.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });
        Assert.Null(_org.Find("account", id));
    }

    [Fact]
    public void Alternate_key_values_are_unique_ignoring_case()
    {
        var service = _org.GetService();
        service.Create(new Entity("llc_marketingform") { ["llc_name"] = "Spring", ["llc_formid"] = "spring-2026" });

        var error = Assert.Throws<DataverseFault>(() => service.Create(new Entity("llc_marketingform") { ["llc_name"] = "Copy", ["llc_formid"] = "SPRING-2026" }));
        Assert.Contains("Form ID Key", error.Message);
        Assert.Single(_org.All("llc_marketingform"));
    }

    [Fact]
    public void Upsert_by_alternate_key_creates_then_updates()
    {
        var service = _org.GetService();
        var first = (UpsertResponse)service.Execute(new UpsertRequest { Target = new Entity("llc_marketingform", "llc_formid", "spring") { ["llc_name"] = "Spring" } });
        var second = (UpsertResponse)service.Execute(new UpsertRequest { Target = new Entity("llc_marketingform", "llc_formid", "spring") { ["llc_name"] = "Spring 2026" } });

        Assert.True(first.RecordCreated);
        Assert.False(second.RecordCreated);
        Assert.Equal(first.Target.Id, second.Target.Id);
        var form = Assert.Single(_org.All("llc_marketingform"));
        Assert.Equal(("spring", "Spring 2026"), (form["llc_formid"], form["llc_name"]));
    }

    [Fact]
    public void Rows_can_be_addressed_by_alternate_key()
    {
        var service = _org.GetService();
        var id = service.Create(new Entity("llc_marketingform") { ["llc_name"] = "Spring", ["llc_formid"] = "spring" });
        var response = (RetrieveResponse)service.Execute(new RetrieveRequest
        {
            Target = new EntityReference("llc_marketingform", "llc_formid", "spring"), ColumnSet = new ColumnSet("llc_name"),
        });
        Assert.Equal(id, response.Entity.Id);
        service.Update(new Entity("llc_marketingform", "llc_formid", "spring") { ["llc_name"] = "Renamed" });
        Assert.Equal("Renamed", _org.Get("llc_marketingform", id)["llc_name"]);
    }
}
