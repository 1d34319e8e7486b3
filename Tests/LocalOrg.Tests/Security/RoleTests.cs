using LeadLifecycle.LocalOrg.Security;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.Security;

/// <summary>
/// The roles a user can be given: Dynamics 365's standard roles as modelled in tools/LocalOrg/Security/StandardRoles.cs
/// (with its sources), and the solution's Solution/src/Roles/*.xml, read as shipped — so a privilege missing from a role
/// file shows here. The shipped organization runs without its plug-ins in these tests: they test the roles, not the product.
/// </summary>
public class RoleTests
{
    private static LocalOrganization Shipped() =>
        LocalOrganization.Create(new LocalOrganizationOptions { StartUtc = Dates.Start, StepFilter = _ => false });

    [Fact]
    public void An_unknown_role_is_refused_with_the_list_of_known_roles()
    {
        var org = Shipped();

        var error = Assert.Throws<ArgumentException>(() => org.CreateUser("Sam Sales", "Sales Person"));

        Assert.Contains("There is no security role named 'Sales Person'. Known roles: ", error.Message);
        foreach (var role in new[] { "Lead Lifecycle Configuration Administrator", "Lead Lifecycle Marketing User", "Lead Lifecycle Sales User", "Sales Manager", "Salesperson", "System Administrator", "System Customizer" })
            Assert.Contains(role, error.Message);
        Assert.DoesNotContain(org.All("systemuser"), u => u.GetAttributeValue<string>("fullname") == "Sam Sales");
    }

    [Fact]
    public void The_default_user_is_a_System_Administrator_and_roles_can_be_given_and_taken()
    {
        var org = Shipped();
        Assert.Equal(new[] { "System Administrator" }, org.RolesOf(org.DefaultUserId));

        var user = org.CreateUser("Sam Sales", "Salesperson");
        org.AssignRole(user, "Sales Manager");
        Assert.Equal(new[] { "Salesperson", "Sales Manager" }, org.RolesOf(user));
        org.GetService(user).Create(new Entity("lead") { ["subject"] = "while a salesperson" });

        org.RemoveRole(user, "Salesperson");
        org.RemoveRole(user, "Sales Manager");
        Assert.Contains("prvCreateLead", Assert.Throws<DataverseFault>(() => org.GetService(user).Create(new Entity("lead") { ["subject"] = "no role left" })).Message);
    }

    [Fact]
    public void A_salesperson_works_with_sales_records_but_holds_nothing_on_the_solution_tables()
    {
        var org = Shipped();
        var rep = org.CreateUser("Sam Sales", "Salesperson");
        var service = org.GetService(rep);

        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Rivera", ["parentcustomerid"] = new EntityReference("account", account) });
        var lead = service.Create(new Entity("lead") { ["subject"] = "Interested", ["parentcontactid"] = new EntityReference("contact", contact) });
        service.Create(new Entity("task") { ["subject"] = "Call", ["regardingobjectid"] = new EntityReference("lead", lead) });
        service.Create(new Entity("opportunity") { ["name"] = "Deal", ["customerid"] = new EntityReference("account", account) });

        // The example: the scoring configuration is not a salesperson's.
        var model = org.GetService().Create(new Entity("llc_scoringmodel") { ["llc_name"] = "Engagement" });
        var error = Assert.Throws<DataverseFault>(() => service.Retrieve("llc_scoringmodel", model, new ColumnSet("llc_name")));
        Assert.Contains("is missing prvReadllc_scoringmodel privilege", error.Message);
        Assert.Contains("for entity 'llc_scoringmodel'", error.Message);
        // The flow's table: granted only to System Administrator and System Customizer by default.
        Assert.Contains("prvCreatellc_leadlifecycleprocess", Assert.Throws<DataverseFault>(() =>
            service.Create(new Entity("llc_leadlifecycleprocess") { ["bpf_leadid"] = new EntityReference("lead", lead) })).Message);
        Assert.Contains("prvReadEnvironmentVariableDefinition", Assert.Throws<DataverseFault>(() =>
            service.RetrieveMultiple(new QueryExpression("environmentvariabledefinition") { ColumnSet = new ColumnSet("schemaname") })).Message);
    }

    [Fact]
    public void A_salesperson_creates_and_deletes_their_own_records_only_while_a_sales_manager_reaches_the_business_unit()
    {
        var org = Shipped();
        var rep = org.CreateUser("Sam Sales", "Salesperson");
        var colleague = org.CreateUser("Cleo Colleague", "Salesperson");
        var manager = org.CreateUser("Mia Manager", "Sales Manager");
        var theirs = org.GetService(colleague).Create(new Entity("lead") { ["subject"] = "Cleo's" });

        Assert.Equal("Cleo's", org.GetService(rep).Retrieve("lead", theirs, new ColumnSet("subject"))["subject"]); // Read: Organization
        org.GetService(rep).Update(new Entity("lead", theirs) { ["description"] = "noted" });                     // Write: Organization
        Assert.Contains("DeleteAccess", Assert.Throws<DataverseFault>(() => org.GetService(rep).Delete("lead", theirs)).Message); // Delete: User
        org.GetService(manager).Delete("lead", theirs);                                                               // Delete: Business Unit
        Assert.Null(org.Find("lead", theirs));
    }

    [Fact]
    public void System_Customizer_holds_the_flow_table_and_its_own_records()
    {
        var org = Shipped();
        var customizer = org.CreateUser("Cass Customizer", "System Customizer");
        var service = org.GetService(customizer);
        var own = service.Create(new Entity("lead") { ["subject"] = "Cass's" });
        var others = org.GetService().Create(new Entity("lead") { ["subject"] = "the administrator's" });

        var instance = service.Create(new Entity("llc_leadlifecycleprocess") { ["bpf_leadid"] = new EntityReference("lead", own) });
        Assert.NotNull(org.Find("llc_leadlifecycleprocess", instance));
        // Its own records only: the administrator's lead is out of reach (User level).
        Assert.Contains("does not have AppendToAccess right(s) for record with id " + others, Assert.Throws<DataverseFault>(() =>
            service.Create(new Entity("llc_leadlifecycleprocess") { ["bpf_leadid"] = new EntityReference("lead", others) })).Message);
        Assert.Contains("ReadAccess", Assert.Throws<DataverseFault>(() => service.Retrieve("lead", others, new ColumnSet("subject"))).Message);
    }

    [Fact]
    public void The_Configuration_Administrator_maintains_the_configuration_tables_and_only_reads_the_others()
    {
        var org = Shipped();
        var service = org.GetService(org.CreateUser("Cora Config", "Lead Lifecycle Configuration Administrator"));

        foreach (var table in new[] { "llc_matchingstrategy", "llc_marketingform", "llc_scoringmodel", "llc_scoringrule", "llc_qualificationcriteria", "llc_qualificationcondition", "llc_retentionrule" })
        {
            var existing = org.GetService().Create(new Entity(table));
            service.Retrieve(table, existing, new ColumnSet(false));
            var id = service.Create(new Entity(table));
            service.Update(new Entity(table, id) { ["statecode"] = new OptionSetValue(1) });
            service.Delete(table, id);
            service.Delete(table, existing);
            Assert.Null(org.Find(table, id));
            Assert.Null(org.Find(table, existing));
        }
        foreach (var table in new[] { "llc_interaction", "llc_leadscore", "llc_leadlifecycleprocess" })
        {
            var existing = org.GetService().Create(new Entity(table));
            service.Retrieve(table, existing, new ColumnSet(false)); // read-only for this role
            Assert.Contains($"is missing prvCreate{table} privilege", Assert.Throws<DataverseFault>(() => service.Create(new Entity(table))).Message);
            Assert.Contains($"is missing prvDelete{table} privilege", Assert.Throws<DataverseFault>(() => service.Delete(table, existing)).Message);
        }
    }

    [Fact]
    public void The_Marketing_User_grants_what_its_role_file_says()
    {
        var org = Shipped();
        var marketing = org.CreateUser("Mark Eting", "Lead Lifecycle Marketing User");
        var service = org.GetService(marketing);
        var file = Assert.Single(org.Solution.Roles, r => r.Name == "Lead Lifecycle Marketing User");
        var role = org.SecurityRole("Lead Lifecycle Marketing User");

        // Every RolePrivilege of the file is granted at its level, and nothing else is.
        Assert.Equal(file.Privileges.Count, role.Privileges.Count);
        foreach (var privilege in file.Privileges) Assert.Equal(Enum.Parse<PrivilegeDepth>(privilege.Level), role.Privileges[privilege.Name]);

        // What form intake needs (README "Security"): its own leads and contacts, every open lead and contact to update,
        // the interaction it records. The bookkeeping tables are written as SYSTEM, so the role holds nothing on them.
        var others = org.GetService().Create(new Entity("contact") { ["lastname"] = "Known" });
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Lima" });
        var lead = service.Create(new Entity("lead") { ["subject"] = "Webinar", ["parentcontactid"] = new EntityReference("contact", others) });
        service.Update(new Entity("contact", others) { ["jobtitle"] = "Director" });
        service.Create(new Entity("llc_interaction") { ["llc_contactid"] = new EntityReference("contact", contact), ["llc_leadid"] = new EntityReference("lead", lead) });
        Assert.Contains("is missing prvDeleteLead privilege", Assert.Throws<DataverseFault>(() => service.Delete("lead", lead)).Message);
        Assert.Contains("is missing prvCreatellc_leadscore privilege", Assert.Throws<DataverseFault>(() => service.Create(new Entity("llc_leadscore") { ["llc_score"] = 10 })).Message);
        Assert.Contains("is missing prvCreatellc_scoringmodel privilege", Assert.Throws<DataverseFault>(() => service.Create(new Entity("llc_scoringmodel"))).Message);
        Assert.Contains("is missing prvReadllc_marketingform privilege", Assert.Throws<DataverseFault>(() =>
            service.RetrieveMultiple(new QueryExpression("llc_marketingform") { ColumnSet = new ColumnSet("llc_name") })).Message);
    }

    [Fact]
    public void The_Sales_User_role_lets_salespeople_see_and_step_the_flow_and_read_scores_but_not_create_either()
    {
        var org = Shipped();
        var rep = org.CreateUser("Sam Sales", "Salesperson", "Lead Lifecycle Sales User");
        var service = org.GetService(rep);
        var lead = service.Create(new Entity("lead") { ["subject"] = "Interested" });
        var instance = org.GetService().Create(new Entity("llc_leadlifecycleprocess") { ["bpf_leadid"] = new EntityReference("lead", lead) });
        var score = org.GetService().Create(new Entity("llc_leadscore") { ["llc_leadid"] = new EntityReference("lead", lead) });

        service.Retrieve("llc_leadlifecycleprocess", instance, new ColumnSet("bpf_leadid"));
        var next = org.All("processstage").Single(s => s.GetAttributeValue<string>("stagename") == "Automated Marketing Qualification");
        service.Update(new Entity("llc_leadlifecycleprocess", instance) { ["activestageid"] = next.ToEntityReference() }); // Next Stage
        Assert.Equal(next.Id, org.Get("llc_leadlifecycleprocess", instance).GetAttributeValue<EntityReference>("activestageid").Id);
        service.Retrieve("llc_leadscore", score, new ColumnSet("llc_score"));
        Assert.Contains("is missing prvCreatellc_leadlifecycleprocess privilege", Assert.Throws<DataverseFault>(() =>
            service.Create(new Entity("llc_leadlifecycleprocess") { ["bpf_leadid"] = new EntityReference("lead", lead) })).Message);
        Assert.Contains("is missing prvWritellc_leadscore privilege", Assert.Throws<DataverseFault>(() =>
            service.Update(new Entity("llc_leadscore", score) { ["llc_score"] = 99 })).Message);
    }

    [Fact]
    public void Roles_add_up_and_System_Administrator_holds_every_privilege()
    {
        var org = Shipped();
        var both = org.CreateUser("Bo Both", "Salesperson", "Lead Lifecycle Configuration Administrator");
        var lead = org.GetService(both).Create(new Entity("lead") { ["subject"] = "Interested" });
        var model = org.GetService(both).Create(new Entity("llc_scoringmodel") { ["llc_name"] = "Engagement" });
        Assert.NotEqual(Guid.Empty, lead);
        Assert.NotEqual(Guid.Empty, model);

        var admin = org.SecurityRole("System Administrator");
        Assert.True(admin.IsAllPowerful);
        Assert.Equal(PrivilegeDepth.Global, admin.Depth("prvDeletellc_leadscore"));
        Assert.Equal(PrivilegeDepth.Global, admin.Depth("prvAnyCustomApiPrivilege"));
    }
}
