using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Messages;

internal sealed class CreateHandler : IMessageHandler
{
    public bool IsWrite => true;
    public ImageSource Images => ImageSource.Post;

    public void Describe(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var table = op.Org.Metadata.Get(target.LogicalName);
        var id = target.Id != Guid.Empty ? target.Id : target.GetAttributeValue<Guid?>(table.PrimaryIdAttribute) ?? Guid.Empty;
        op.SetPrimary(table.LogicalName, id);
    }

    public void Authorize(Operation op) => op.Org.Guard.CheckPrivilege(op, op.Context.PrimaryEntityName, Security.AccessRight.Create);

    public void Execute(Operation op)
    {
        var target = op.Required<Entity>("Target");
        // The new row's id is known before the checks, as Dataverse names it in an access fault.
        if (target.Id == Guid.Empty && op.Context.PrimaryEntityId != Guid.Empty) target.Id = op.Context.PrimaryEntityId;
        if (target.Id == Guid.Empty) target.Id = Guid.NewGuid();
        var flows = op.Org.ProcessFlows;
        var requestedFlow = flows.TakeProcessOverride(target);
        if (flows.IsFlowTable(target.LogicalName)) flows.CheckCreate(op.Transaction, target);
        op.Org.Guard.CheckCreate(op, target, target.Id);
        var id = op.Writer.Create(op.Transaction, target, op.UserId);
        // The platform applies the table's default business process flow to the new row, in the same transaction.
        flows.ApplyOnCreate(op, target.LogicalName, id, requestedFlow);
        if (target.LogicalName == "businessunit") op.Org.Security.BusinessUnitsChanged();
        target.Id = id; // post-operation steps see the new id on the Target and in OutputParameters["id"]
        op.Output["id"] = id;
        op.Context.PrimaryEntityId = id;
    }
}
