using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Tests.ProcessFlows;

/// <summary>
/// The local organization runs the shipped business process flow as Dataverse does (learn.microsoft.com, "Work with business
/// process flows using code"): the definition read from the shipped XAML, the default flow applied on create to the users
/// who may use it, the active path from the branch, moves to the next or previous stage of that path only.
/// Without the plug-in steps: what is asserted is the platform's part alone.
/// </summary>
public class BusinessProcessFlowRuntimeTests
{
    private const string FlowTable = "llc_leadlifecycleprocess";
    private static readonly LocalOrganizationOptions PlatformOnly = new() { StepFilter = _ => false };

    private readonly LocalOrganization org = LocalOrganization.Create(PlatformOnly);
    private IOrganizationService Service => org.GetService();

    private Guid Stage(string name) => org.All("processstage").Single(s => s.GetAttributeValue<string>("stagename") == name).Id;
    private Guid Inquiry => Stage("Inquiry");
    private Guid Amq => Stage("Automated Marketing Qualification");
    private Guid TeleAcceptance => Stage("Teleprospecting Acceptance");
    private Guid TeleQualification => Stage("Teleprospecting Qualification");
    private Guid SalesAcceptance => Stage("Sales Acceptance");

    private List<Entity> InstancesOf(Guid leadId) =>
        org.All(FlowTable).Where(p => p.GetAttributeValue<EntityReference>("bpf_leadid")?.Id == leadId).ToList();

    // RetrieveActivePathRequest / Response by name: the offline SDK carries only the message classes whose official
    // signatures it lists in full (tools/Sdk/official-sdk-api.txt).
    private List<Guid> ActivePath(Guid instanceId) =>
        ((EntityCollection)Service.Execute(new OrganizationRequest("RetrieveActivePath") { ["ProcessInstanceId"] = instanceId })["ProcessStages"])
        .Entities.Select(s => s.Id).ToList();

    private void Move(Guid instanceId, Guid stage, string? traversedPath = null)
    {
        var update = new Entity(FlowTable, instanceId) { ["activestageid"] = new EntityReference("processstage", stage) };
        if (traversedPath is not null) update["traversedpath"] = traversedPath;
        Service.Update(update);
    }

    private string Path(params Guid[] stages) => string.Join(",", stages);

    private string TraversedPath(Guid instanceId) =>
        Service.Retrieve(FlowTable, instanceId, new ColumnSet("traversedpath")).GetAttributeValue<string>("traversedpath");

    [Fact]
    public void The_definition_is_read_from_the_shipped_xaml_stages_and_the_branch_after_automated_marketing_qualification()
    {
        var flow = org.Solution.Workflows.Single(w => w.UniqueName == FlowTable);

        Assert.Equal(new[] { "Inquiry", "Automated Marketing Qualification", "Teleprospecting Acceptance", "Teleprospecting Qualification", "Sales Acceptance" },
            flow.Stages.Select(s => s.Name));
        Assert.True(flow.TriggerOnCreate);
        Assert.NotNull(flow.ProcessOrder);
        var amq = flow.Stages[1];
        Assert.Collection(amq.Branches,
            sales => Assert.Equal(("llc_salesready", "True", SalesAcceptance), (sales.Attribute, sales.Value, sales.TargetStageId)),
            otherwise => Assert.Equal((null, null, TeleAcceptance), (otherwise.Attribute, otherwise.Value, otherwise.TargetStageId)));
        Assert.Equal(new Guid?[] { Amq, SalesAcceptance, TeleQualification, SalesAcceptance, null }, flow.Stages.Select(s => s.NextStageId));
        Assert.All(flow.Stages.Where(s => s != amq), s => Assert.Empty(s.Branches));
    }

    [Fact]
    public void A_new_lead_gets_one_instance_of_the_default_flow_at_its_first_stage()
    {
        var leadId = Service.Create(new Entity("lead") { ["subject"] = "Widgets" });

        var instance = Assert.Single(InstancesOf(leadId));
        Assert.Equal(Inquiry, instance.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.Equal(Path(Inquiry), instance.GetAttributeValue<string>("traversedpath"));
        Assert.Equal(org.Solution.Workflows.Single(w => w.UniqueName == FlowTable).Id, instance.GetAttributeValue<EntityReference>("processid").Id);
        Assert.Equal(org.DefaultUserId, instance.GetAttributeValue<EntityReference>("createdby").Id);
    }

    [Fact]
    public void A_user_without_access_to_the_flow_s_table_gets_no_instance_from_the_platform()
    {
        // Salesperson holds no privilege on llc_ tables ("Manage security for business process flows": access to a flow is
        // the privileges on its table).
        var salesperson = org.CreateUser("Sam Seller", "Salesperson");

        var leadId = org.GetService(salesperson).Create(new Entity("lead") { ["subject"] = "Widgets", ["lastname"] = "Lima" });

        Assert.Empty(InstancesOf(leadId));
    }

    [Fact]
    public void Processid_empty_on_create_applies_no_flow_and_a_flow_reference_applies_that_flow()
    {
        var none = Service.Create(new Entity("lead") { ["subject"] = "Bulk", ["processid"] = Guid.Empty });
        var flowId = org.Solution.Workflows.Single(w => w.UniqueName == FlowTable).Id;
        var chosen = Service.Create(new Entity("lead") { ["subject"] = "Chosen", ["processid"] = new EntityReference("workflow", flowId) });

        Assert.Empty(InstancesOf(none));
        Assert.Single(InstancesOf(chosen));
    }

    [Fact]
    public void The_active_path_follows_the_branch_on_sales_ready()
    {
        var leadId = Service.Create(new Entity("lead") { ["subject"] = "Widgets" });
        var instance = Assert.Single(InstancesOf(leadId)).Id;

        Assert.Equal(new[] { Inquiry, Amq, TeleAcceptance, TeleQualification, SalesAcceptance }, ActivePath(instance));

        Service.Update(new Entity("lead", leadId) { ["llc_salesready"] = true });
        Assert.Equal(new[] { Inquiry, Amq, SalesAcceptance }, ActivePath(instance));
    }

    [Fact]
    public void A_jump_off_the_active_path_is_refused_with_the_platform_s_error()
    {
        var leadId = Service.Create(new Entity("lead") { ["subject"] = "Widgets" });
        var instance = Assert.Single(InstancesOf(leadId)).Id;

        var jump = Assert.ThrowsAny<Exception>(() => Move(instance, SalesAcceptance, Path(Inquiry, SalesAcceptance)));
        Assert.Equal("Invalid stage transition. Transition to stage Sales Acceptance is not in the process active path.", jump.Message);

        Move(instance, Amq, Path(Inquiry, Amq));
        // Not sales ready: Sales Acceptance is not the next stage of the active path (Teleprospecting Acceptance is).
        Assert.ThrowsAny<Exception>(() => Move(instance, SalesAcceptance, Path(Inquiry, Amq, SalesAcceptance)));
        Assert.Equal(Path(Inquiry, Amq), TraversedPath(instance));
    }

    [Fact]
    public void Moves_to_the_next_or_previous_stage_keep_traversedpath()
    {
        var leadId = Service.Create(new Entity("lead") { ["subject"] = "Widgets" });
        var instance = Assert.Single(InstancesOf(leadId)).Id;

        Move(instance, Amq);
        Move(instance, TeleAcceptance);
        Assert.Equal(Path(Inquiry, Amq, TeleAcceptance), TraversedPath(instance));

        Move(instance, Amq);   // back one stage
        Assert.Equal(Path(Inquiry, Amq), TraversedPath(instance));

        Service.Update(new Entity("lead", leadId) { ["llc_salesready"] = true });
        Move(instance, SalesAcceptance, Path(Inquiry, Amq, SalesAcceptance));
        Assert.Equal(Path(Inquiry, Amq, SalesAcceptance), TraversedPath(instance));
    }

    [Fact]
    public void A_traversedpath_that_does_not_end_with_the_new_stage_is_refused()
    {
        var leadId = Service.Create(new Entity("lead") { ["subject"] = "Widgets" });
        var instance = Assert.Single(InstancesOf(leadId)).Id;

        var fault = Assert.ThrowsAny<Exception>(() => Move(instance, Amq, Path(Inquiry)));
        Assert.Equal("The traversed path should end with the new active stage.", fault.Message);
    }

    [Fact]
    public void An_instance_created_past_the_first_stage_needs_its_traversedpath()
    {
        var leadId = Service.Create(new Entity("lead") { ["subject"] = "Widgets", ["processid"] = Guid.Empty });

        Assert.ThrowsAny<Exception>(() => Service.Create(new Entity(FlowTable)
        {
            ["bpf_leadid"] = new EntityReference("lead", leadId),
            ["activestageid"] = new EntityReference("processstage", Amq),
        }));
        var created = Service.Create(new Entity(FlowTable)
        {
            ["bpf_leadid"] = new EntityReference("lead", leadId),
            ["activestageid"] = new EntityReference("processstage", Amq),
            ["traversedpath"] = Path(Inquiry, Amq),
        });
        Assert.Equal(Path(Inquiry, Amq), TraversedPath(created));
    }
}
