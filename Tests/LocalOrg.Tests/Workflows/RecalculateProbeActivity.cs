using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.LocalOrg.Tests.Workflows;

/// <summary>The arguments of the sample workflows' custom activity step (Samples/*.xaml bind Contact and TermMonths):
/// shared by the probe activities that stand behind that step.</summary>
public abstract class ContactTermActivity : CodeActivity
{
    [Input("Contact")]
    [ReferenceTarget("contact")]
    public InArgument<EntityReference> Contact { get; set; } = new();

    [Input("Term months")]
    public InArgument<int> TermMonths { get; set; } = new();

    [Output("Changed")]
    public OutArgument<bool> Changed { get; set; } = new();
}

/// <summary>A custom workflow activity like the relationship-type one: writes what it received onto the contact.</summary>
public sealed class RecalculateProbeActivity : ContactTermActivity
{
    protected override void Execute(CodeActivityContext executionContext)
    {
        var context = executionContext.GetExtension<IWorkflowContext>();
        var service = executionContext.GetExtension<IOrganizationServiceFactory>().CreateOrganizationService(context.UserId);
        executionContext.GetExtension<ITracingService>().Trace("recalculating {0}", Contact.Get(executionContext).Id);
        service.Update(new Entity("contact", Contact.Get(executionContext).Id)
        {
            ["description"] = $"recalculated with {TermMonths.Get(executionContext)} months, depth {context.Depth}, mode {context.Mode}",
        });
        Changed.Set(executionContext, true);
    }
}
