using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.Plugins.Tests.ProcessFlow;

/// <summary>
/// Contract: a lead has one instance of the Lead Lifecycle Process, whoever creates it. The platform applies the flow to a
/// new lead for a user who may use it; the plug-in finds that instance, and creates one as SYSTEM only when the platform
/// applied none. Every move the plug-in makes is one the local organization accepts (next stage of the active path).
/// </summary>
public class ProcessFlowInstanceTests : LeadLifecycleTest
{
    private readonly Entity model = Model("Engagement", salesReady: 20);
    private readonly Entity contact = Contact();

    public ProcessFlowInstanceTests()
    {
        Org.Initialize(model, contact, InteractionRule(model, FormSubmitted, 10));
    }

    private List<Entity> Instances(Guid leadId) =>
        Org.All("llc_leadlifecycleprocess").Where(p => p.GetAttributeValue<EntityReference>("bpf_leadid")?.Id == leadId).ToList();

    [Fact]
    public void A_lead_created_by_a_user_who_may_use_the_flow_keeps_the_instance_the_platform_applied()
    {
        var leadId = Service.Create(Lead(contact));

        var instance = Assert.Single(Instances(leadId));
        Assert.Equal(Org.DefaultUserId, instance.GetAttributeValue<EntityReference>("createdby").Id);
    }

    [Fact]
    public void A_lead_created_by_a_salesperson_gets_one_instance_created_as_SYSTEM()
    {
        // Only the process-flow steps: what a Salesperson may do with scoring and matching is the security work's (#13).
        var org = LocalOrganization.Create(new LocalOrganizationOptions { StepFilter = step => step.PluginTypeName.Contains(".ProcessFlow.") });
        var salesperson = org.CreateUser("Sam Seller", "Salesperson");

        var leadId = org.GetService(salesperson).Create(new Entity("lead") { ["subject"] = "Widgets", ["lastname"] = "Lima" });

        var instance = Assert.Single(org.All("llc_leadlifecycleprocess"), p => p.GetAttributeValue<EntityReference>("bpf_leadid")?.Id == leadId);
        Assert.Equal(org.SystemUserId, instance.GetAttributeValue<EntityReference>("createdby").Id);
    }

    [Fact]
    public void A_lead_created_with_no_flow_requested_still_gets_one_instance()
    {
        var lead = Lead(contact);
        lead["processid"] = Guid.Empty;   // "skip setting a business process flow", as bulk creates may

        var leadId = Service.Create(lead);

        Assert.Single(Instances(leadId));
    }

    [Fact]
    public void Imported_leads_get_one_instance_each()
    {
        var import = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true },
            Requests = new OrganizationRequestCollection(),
        };
        for (var i = 1; i <= 3; i++)
        {
            var lead = Lead(contact);
            lead["importsequencenumber"] = i;
            import.Requests.Add(new CreateRequest { Target = lead });
        }

        var response = (ExecuteMultipleResponse)Service.Execute(import);

        foreach (var item in response.Responses)
            Assert.Single(Instances((Guid)item.Response.Results["id"]));
    }

    [Fact]
    public void A_lead_created_by_a_form_submission_gets_one_instance()
    {
        Org.Initialize(Form(FormId));

        Service.Execute(SubmitForm(FormId, Submission("ana@example.com")));

        var lead = Assert.Single(Org.All("lead"));
        Assert.Single(Instances(lead.Id));
    }

    [Fact]
    public void Each_move_is_one_update_to_the_next_stage_of_the_active_path()
    {
        var leadId = Service.Create(Lead(contact));
        using var calls = Org.RecordCalls();

        Service.Create(Interaction(contact, FormSubmitted, Org.Clock.UtcNow));
        Service.Create(Interaction(contact, FormSubmitted, Org.Clock.UtcNow));   // 20 points: sales ready

        // Inquiry → Automated Marketing Qualification happened on create (scored); sales ready: one move, on the branch.
        Assert.Single(calls.PluginCalls, c => c.Message == "Update" && c.Table == "llc_leadlifecycleprocess");
        Assert.Contains(calls.PluginCalls, c => c.Message == "RetrieveActivePath");
    }
}
