using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using static LeadLifecycle.LocalOrg.Tests.Security.SecurityArrange;

namespace LeadLifecycle.LocalOrg.Tests.Security;

/// <summary>
/// Organization-owned tables are checked at the table: holding the privilege is the access (the only levels a role can
/// grant them are none and Organization; a role XML's depth does not matter). Lookups need Append on the record that
/// holds them and AppendTo on the record they point at ("Security roles and privileges": Append / Append To).
/// </summary>
public class OrganizationOwnedAndAppendTests
{
    [Fact]
    public void An_organization_owned_table_needs_only_the_privilege_whoever_made_the_row()
    {
        var org = new TestSolution().WithSetting()
            .Role("Setting reader", Grant("llc_setting", "Basic", "Read"))
            .Role("Setting maker", Grant("llc_setting", "Global", "Create", "Read", "Write", "Delete")).Organization();
        var reader = org.CreateUser("Rae Reader", "Setting reader");
        var maker = org.CreateUser("Max Maker", "Setting maker");
        var id = org.GetService().Create(new Entity("llc_setting") { ["llc_name"] = "made by the administrator" });

        Assert.Equal("made by the administrator", org.GetService(reader).Retrieve("llc_setting", id, new ColumnSet("llc_name"))["llc_name"]);
        Assert.Single(org.GetService(reader).RetrieveMultiple(new QueryExpression("llc_setting") { ColumnSet = new ColumnSet("llc_name") }).Entities);
        var write = Assert.Throws<DataverseFault>(() => org.GetService(reader).Update(new Entity("llc_setting", id) { ["llc_name"] = "x" }));
        Assert.Contains("is missing prvWritellc_setting privilege", write.Message);

        org.GetService(maker).Update(new Entity("llc_setting", id) { ["llc_name"] = "changed by the maker" });
        org.GetService(maker).Delete("llc_setting", id);
        Assert.Empty(org.All("llc_setting"));
    }

    [Fact]
    public void No_privilege_on_an_organization_owned_table_refuses_every_call()
    {
        var org = new TestSolution().WithSetting().Organization();
        var user = org.CreateUser("Nora None", "Salesperson");
        var id = org.GetService().Create(new Entity("llc_setting") { ["llc_name"] = "a" });
        var service = org.GetService(user);

        Assert.Contains("prvCreatellc_setting", Assert.Throws<DataverseFault>(() => service.Create(new Entity("llc_setting") { ["llc_name"] = "b" })).Message);
        Assert.Contains("prvReadllc_setting", Assert.Throws<DataverseFault>(() => service.Retrieve("llc_setting", id, new ColumnSet("llc_name"))).Message);
        Assert.Contains("prvWritellc_setting", Assert.Throws<DataverseFault>(() => service.Update(new Entity("llc_setting", id) { ["llc_name"] = "c" })).Message);
        Assert.Contains("prvDeletellc_setting", Assert.Throws<DataverseFault>(() => service.Delete("llc_setting", id)).Message);
        Assert.Equal("a", Assert.Single(org.All("llc_setting"))["llc_name"]);
    }

    private static (LocalOrganization Org, Guid User, Guid Lead) TaskWriter(params (string, string)[] extra)
    {
        var privileges = Grant("Activity", "Global", "Create", "Read", "Write").Concat(Grant("Lead", "Global", "Read")).Concat(extra).ToArray();
        var org = new TestSolution().Role("Task writer", privileges).Organization();
        var user = org.CreateUser("Tess Tasks", "Task writer");
        var lead = org.GetService().Create(new Entity("lead") { ["subject"] = "Interested" });
        return (org, user, lead);
    }

    private static Entity TaskRegarding(Guid lead) => new("task") { ["subject"] = "call back", ["regardingobjectid"] = new EntityReference("lead", lead) };

    [Fact]
    public void A_lookup_needs_append_on_the_new_record()
    {
        var (org, user, lead) = TaskWriter(Grant("Lead", "Global", "AppendTo"));

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Create(TaskRegarding(lead)));

        Assert.Equal(unchecked((int)0x80040220), error.ErrorCode);
        Assert.Contains("is missing prvAppendActivity privilege", error.Message);
        Assert.Contains("on OTC=4212 for entity 'task'", error.Message); // every activity table shares the Activity privileges
        Assert.Empty(org.All("task"));
    }

    [Fact]
    public void A_lookup_needs_append_to_on_the_record_it_points_at()
    {
        var (org, user, lead) = TaskWriter(Grant("Activity", "Global", "Append"));

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Create(TaskRegarding(lead)));

        Assert.Contains("is missing prvAppendToLead privilege", error.Message);
        Assert.Contains("on OTC=4 for entity 'lead'", error.Message);
        org.GetService(user).Create(new Entity("task") { ["subject"] = "no lookup, no append" });
    }

    [Fact]
    public void Append_to_is_checked_at_its_depth_against_the_record_pointed_at()
    {
        var (org, user, lead) = TaskWriter(Grant("Activity", "Global", "Append").Concat(Grant("Lead", "Basic", "AppendTo")).ToArray());

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Create(TaskRegarding(lead)));
        Assert.Equal(unchecked((int)0x80048306), error.ErrorCode);
        Assert.Contains("does not have AppendToAccess right(s) for record with id " + lead, error.Message);

        var own = org.GetService().Create(new Entity("lead") { ["subject"] = "mine", ["ownerid"] = new EntityReference("systemuser", user) });
        org.GetService(user).Create(TaskRegarding(own));
        Assert.Single(org.All("task"));
    }

    [Fact]
    public void Setting_a_lookup_on_update_needs_append_and_append_to_as_on_create()
    {
        var (org, user, lead) = TaskWriter(Grant("Activity", "Global", "Append"));
        var task = org.GetService(user).Create(new Entity("task") { ["subject"] = "unlinked" });

        var error = Assert.Throws<DataverseFault>(() => org.GetService(user).Update(new Entity("task", task) { ["regardingobjectid"] = new EntityReference("lead", lead) }));

        Assert.Contains("is missing prvAppendToLead privilege", error.Message);
        Assert.False(org.Get("task", task).Contains("regardingobjectid"));
        org.GetService(user).Update(new Entity("task", task) { ["subject"] = "renamed" }); // no lookup: Write alone
    }

    [Fact]
    public void Associate_sets_the_lookup_with_the_same_checks()
    {
        var org = new TestSolution()
            .Role("Task writer", Grant("Activity", "Global", "Create", "Read", "Write", "Append").Concat(Grant("Lead", "Global", "Read")).ToArray())
            .Relationship(new LeadLifecycle.SolutionModel.RelationshipDefinition("Lead_Tasks", "lead", "task", "regardingobjectid", "Cascade"))
            .Organization();
        var writer = org.CreateUser("Tess Tasks", "Task writer");
        var lead = org.GetService().Create(new Entity("lead") { ["subject"] = "Interested" });
        var task = org.GetService(writer).Create(new Entity("task") { ["subject"] = "unlinked" });

        var error = Assert.Throws<DataverseFault>(() => org.GetService(writer).Associate("lead", lead, new Relationship("Lead_Tasks"),
            new EntityReferenceCollection { new EntityReference("task", task) }));

        Assert.Contains("is missing prvAppendToLead privilege", error.Message);
        Assert.False(org.Get("task", task).Contains("regardingobjectid"));
    }
}
