using LeadLifecycle.LocalOrg;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Tests.ProcessFlow;

/// <summary>
/// The lead's business process flow moves forward by itself: every move, the skip of teleprospecting, a consistent
/// activestageid / traversedpath, and one task for the owner per task stage.
/// </summary>
public class LeadProcessFlowTests : LeadLifecycleTest
{
    private readonly Entity model = Model("Engagement", salesReady: 20);
    private readonly Entity contact = Contact();

    public LeadProcessFlowTests()
    {
        Org.Initialize(model, contact, InteractionRule(model, FormSubmitted, 10));
    }


    /// <summary>Stage ids as the shipped process defines them, looked up by the contract's stage names.</summary>
    private Guid Stage(string name) =>
        Org.All("processstage").Single(s => s.GetAttributeValue<string>("stagename") == name).Id;

    private Guid Inquiry => Stage("Inquiry");
    private Guid Amq => Stage("Automated Marketing Qualification");
    private Guid TeleAcceptance => Stage("Teleprospecting Acceptance");
    private Guid TeleQualification => Stage("Teleprospecting Qualification");
    private Guid SalesAcceptance => Stage("Sales Acceptance");

    private Entity Instance(Guid leadId) =>
        Assert.Single(Org.All("llc_leadlifecycleprocess"), p => p.GetAttributeValue<EntityReference>("bpf_leadid")?.Id == leadId);

    private void AssertAt(Guid leadId, params Guid[] path)
    {
        var instance = Instance(leadId);
        Assert.Equal(path.Last(), instance.GetAttributeValue<EntityReference>("activestageid").Id);
        Assert.Equal(string.Join(",", path), instance.GetAttributeValue<string>("traversedpath"));
    }

    private IReadOnlyList<Entity> TasksOf(Guid leadId) =>
        Org.All("task").Where(t => t.GetAttributeValue<EntityReference>("regardingobjectid")?.Id == leadId).ToList();

    [Fact]
    public void A_new_unscored_lead_starts_at_Inquiry()
    {
        var leadId = Service.Create(Lead());

        AssertAt(leadId, Inquiry);
        Assert.Equal(Org.All("workflow").Single(w => w.GetAttributeValue<string>("uniquename") == "llc_leadlifecycleprocess").Id,
            Instance(leadId).GetAttributeValue<EntityReference>("processid").Id);
    }

    [Fact]
    public void A_scored_lead_moves_to_Automated_Marketing_Qualification()
    {
        var leadId = Service.Create(Lead(contact));

        AssertAt(leadId, Inquiry, Amq);
        Assert.Empty(TasksOf(leadId));
    }

    [Fact]
    public void Sales_ready_skips_teleprospecting_and_creates_one_task_for_the_owner()
    {
        var owner = Org.CreateUser("Sales Rep");
        var lead = Lead(contact);
        lead["ownerid"] = new EntityReference("systemuser", owner);
        var leadId = Service.Create(lead);

        Service.Create(Interaction(contact, FormSubmitted, Org.Clock.UtcNow));
        Service.Create(Interaction(contact, FormSubmitted, Org.Clock.UtcNow));   // 20 points: sales ready

        AssertAt(leadId, Inquiry, Amq, SalesAcceptance);
        var task = Assert.Single(TasksOf(leadId));
        Assert.Equal(owner, task.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.StartsWith("Sales Acceptance", task.GetAttributeValue<string>("subject"));
    }

    [Fact]
    public void Teleprospecting_path_goes_through_every_stage_with_a_task_on_each_acceptance()
    {
        var leadId = Service.Create(Lead(contact));

        Service.Update(new Entity("lead", leadId) { ["llc_teleprospectready"] = true });
        AssertAt(leadId, Inquiry, Amq, TeleAcceptance);
        Assert.StartsWith("Teleprospecting Acceptance", Assert.Single(TasksOf(leadId)).GetAttributeValue<string>("subject"));

        Service.Update(new Entity("lead", leadId) { ["llc_teleprospectaccepted"] = true });
        AssertAt(leadId, Inquiry, Amq, TeleAcceptance, TeleQualification);

        Service.Update(new Entity("lead", leadId) { ["llc_salesready"] = true });
        AssertAt(leadId, Inquiry, Amq, TeleAcceptance, TeleQualification, SalesAcceptance);
        Assert.Equal(2, TasksOf(leadId).Count);
    }

    [Fact]
    public void Sales_ready_while_in_Teleprospecting_Acceptance_waits_for_the_acceptance()
    {
        var leadId = Service.Create(Lead(contact));
        Service.Update(new Entity("lead", leadId) { ["llc_teleprospectready"] = true });

        Service.Update(new Entity("lead", leadId) { ["llc_salesready"] = true });
        AssertAt(leadId, Inquiry, Amq, TeleAcceptance);

        Service.Update(new Entity("lead", leadId) { ["llc_teleprospectaccepted"] = true });
        AssertAt(leadId, Inquiry, Amq, TeleAcceptance, TeleQualification, SalesAcceptance);
    }

    [Fact]
    public void The_flow_never_moves_back_and_never_repeats_a_task()
    {
        var leadId = Service.Create(Lead(contact));
        Service.Update(new Entity("lead", leadId) { ["llc_salesready"] = true });
        AssertAt(leadId, Inquiry, Amq, SalesAcceptance);

        Service.Update(new Entity("lead", leadId) { ["llc_salesready"] = false, ["llc_teleprospectready"] = true });
        Service.Update(new Entity("lead", leadId) { ["llc_salesready"] = true });

        AssertAt(leadId, Inquiry, Amq, SalesAcceptance);
        Assert.Single(TasksOf(leadId));
    }

    [Fact]
    public void An_unchanged_stage_writes_nothing()
    {
        var leadId = Service.Create(Lead(contact));

        using var calls = Org.RecordCalls();
        Service.Update(new Entity("lead", leadId) { ["llc_teleprospectaccepted"] = true });   // not yet in teleprospecting

        Assert.DoesNotContain(calls.PluginCalls, c => c.Message == "Update" && c.Table == "llc_leadlifecycleprocess");
        AssertAt(leadId, Inquiry, Amq);
    }
}
