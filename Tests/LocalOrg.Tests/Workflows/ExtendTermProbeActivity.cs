using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.LocalOrg.Tests.Workflows;

/// <summary>
/// A custom workflow activity with the same arguments as <see cref="RecalculateProbeActivity"/> that moves the contact's
/// term end, which starts the waiting workflow again: a chain of hops like the relationship-type review's. It moves the
/// date by the term months, or, for a contact described "loop", writes the same (already passed) date again, so the next
/// hop runs at once.
/// </summary>
public sealed class ExtendTermProbeActivity : ContactTermActivity
{
    protected override void Execute(CodeActivityContext executionContext)
    {
        var context = executionContext.GetExtension<IWorkflowContext>();
        var service = executionContext.GetExtension<IOrganizationServiceFactory>().CreateOrganizationService(context.UserId);
        var contact = service.Retrieve("contact", Contact.Get(executionContext).Id, new ColumnSet("llc_customeruntil", "description", "llc_hops"));
        var hops = contact.GetAttributeValue<int?>("llc_hops") ?? 0;
        var until = contact.GetAttributeValue<DateTime>("llc_customeruntil");
        service.Update(new Entity("contact", contact.Id)
        {
            ["llc_hops"] = hops + 1,
            ["llc_customeruntil"] = contact.GetAttributeValue<string>("description") == "loop" ? until : until.AddMonths(TermMonths.Get(executionContext)),
        });
        Changed.Set(executionContext, true);
    }
}
