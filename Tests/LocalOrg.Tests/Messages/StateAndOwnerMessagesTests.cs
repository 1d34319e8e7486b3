using LeadLifecycle.LocalOrg.Tests.Plugins;
using LeadLifecycle.LocalOrg.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Tests.Messages;

public class StateAndOwnerMessagesTests
{
    [Fact]
    public void SetState_runs_SetState_steps_and_Update_steps_filtered_on_statecode()
    {
        // "Behavior of specialized update operations" (learn.microsoft.com): SetState is processed as an Update of
        // statecode/statuscode, so a step registered on Update with statecode filtering runs for it.
        var org = new TestSolution()
            .Step<ContextTracePlugin>("SetState", "lead", stage: 40)
            .Step<ContextTracePlugin>("Update", "lead", stage: 40, filtering: new[] { "statecode" })
            .Organization();
        var lead = org.GetService().Create(new Entity("lead") { ["subject"] = "Hi" });

        org.GetService().Execute(new SetStateRequest { EntityMoniker = new EntityReference("lead", lead), State = new OptionSetValue(2), Status = new OptionSetValue(-1) });

        Assert.Contains("message Update stage 40 mode 0 depth 2 transaction True", org.Trace);
        Assert.Contains("message SetState stage 40 mode 0 depth 1 transaction True", org.Trace);
        Assert.Equal(4, org.Get("lead", lead).GetAttributeValue<OptionSetValue>("statuscode").Value); // -1 = the default status
    }

    [Fact]
    public void Assign_changes_the_owner_and_owning_business_unit()
    {
        var org = new TestSolution().Organization();
        var user = org.CreateUser("Sales Person");
        var lead = org.GetService().Create(new Entity("lead") { ["subject"] = "Hi" });

        org.GetService().Execute(new AssignRequest { Target = new EntityReference("lead", lead), Assignee = new EntityReference("systemuser", user) });

        var row = org.Get("lead", lead);
        Assert.Equal(new EntityReference("systemuser", user), row["ownerid"]);
        Assert.Equal(new EntityReference("businessunit", org.RootBusinessUnitId), row["owningbusinessunit"]);
    }

    [Fact]
    public void WhoAmI_names_the_calling_user()
    {
        var org = new TestSolution().Organization();
        var user = org.CreateUser("Sales Person");
        var response = org.GetService(user).Execute(new WhoAmIRequest());
        Assert.Equal(user, (Guid)response.Results["UserId"]);
        Assert.Equal(org.RootBusinessUnitId, (Guid)response.Results["BusinessUnitId"]);
        Assert.Equal(org.OrganizationId, (Guid)response.Results["OrganizationId"]);
    }

    [Fact]
    public void ExecuteMultiple_runs_each_request_on_its_own_and_reports_faults()
    {
        var org = new TestSolution().Organization();
        var requests = new OrganizationRequestCollection
        {
            new CreateRequest { Target = new Entity("account") { ["name"] = "One" } },
            new CreateRequest { Target = new Entity("account") { ["nosuchcolumn"] = "x" } },
            new CreateRequest { Target = new Entity("account") { ["name"] = "Three" } },
        };

        var response = org.GetService().Execute(new ExecuteMultipleRequest
        {
            Requests = requests, Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
        });

        Assert.True((bool)response.Results["IsFaulted"]);
        var items = (ExecuteMultipleResponseItemCollection)response.Results["Responses"];
        Assert.Equal(new[] { 0, 1, 2 }, items.Select(i => i.RequestIndex));
        Assert.Contains("nosuchcolumn", items[1].Fault.Message);
        Assert.Equal(new[] { "One", "Three" }, org.All("account").Select(a => (string)a["name"]).OrderBy(n => n));
    }

    [Fact]
    public void ExecuteMultiple_stops_at_the_first_fault_unless_told_to_continue()
    {
        var org = new TestSolution().Organization();
        var requests = new OrganizationRequestCollection
        {
            new CreateRequest { Target = new Entity("account") { ["nosuchcolumn"] = "x" } },
            new CreateRequest { Target = new Entity("account") { ["name"] = "Two" } },
        };
        org.GetService().Execute(new ExecuteMultipleRequest { Requests = requests, Settings = new ExecuteMultipleSettings { ContinueOnError = false } });
        Assert.Empty(org.All("account"));
    }

    [Fact]
    public void Associate_and_disassociate_set_and_clear_the_referencing_lookup()
    {
        var org = new TestSolution()
            .Table(TestSolution.MarketingForm())
            .Relationship(new LeadLifecycle.SolutionModel.RelationshipDefinition("llc_contact_marketingform", "contact", "llc_marketingform", "llc_contactid", "RemoveLink"))
            .Organization();
        var service = org.GetService();
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });
        var form = service.Create(new Entity("llc_marketingform") { ["llc_name"] = "Spring" });
        var relationship = new Relationship("llc_contact_marketingform");

        service.Associate("contact", contact, relationship, new EntityReferenceCollection { new EntityReference("llc_marketingform", form) });
        Assert.Equal(new EntityReference("contact", contact), org.Get("llc_marketingform", form)["llc_contactid"]);

        service.Disassociate("contact", contact, relationship, new EntityReferenceCollection { new EntityReference("llc_marketingform", form) });
        Assert.False(org.Get("llc_marketingform", form).Contains("llc_contactid"));
    }

    [Fact]
    public void Cascade_delete_deletes_children_through_the_pipeline()
    {
        var org = new TestSolution()
            .Table(TestSolution.MarketingForm())
            .Relationship(new LeadLifecycle.SolutionModel.RelationshipDefinition("llc_contact_marketingform", "contact", "llc_marketingform", "llc_contactid", "Cascade"))
            .Step<ContextTracePlugin>("Delete", "llc_marketingform", stage: 20)
            .Organization();
        var service = org.GetService();
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Rivera" });
        service.Create(new Entity("llc_marketingform") { ["llc_name"] = "Spring", ["llc_contactid"] = new EntityReference("contact", contact) });

        service.Delete("contact", contact);

        Assert.Empty(org.All("llc_marketingform"));
        Assert.Contains("message Delete stage 20 mode 0 depth 2 transaction True", org.Trace);
    }
}
