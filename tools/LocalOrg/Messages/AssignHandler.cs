using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>Assign runs its own steps, then the platform performs it as an Update of ownerid.</summary>
internal sealed class AssignHandler : IMessageHandler
{
    public bool IsWrite => true;
    public ImageSource Images => ImageSource.Both;

    public void Describe(Operation op)
    {
        var target = op.Required<EntityReference>("Target");
        op.Org.Metadata.Get(target.LogicalName);
        op.SetPrimary(target.LogicalName, target.Id);
        if (op.Transaction.Read(target.LogicalName, target.Id) is null) throw Faults.DoesNotExist(target.LogicalName, target.Id);
    }

    public void Execute(Operation op)
    {
        var target = op.Required<EntityReference>("Target");
        var assignee = op.Required<EntityReference>("Assignee");
        op.Platform.Execute(new UpdateRequest { Target = new Entity(target.LogicalName, target.Id) { ["ownerid"] = new EntityReference(assignee.LogicalName, assignee.Id) } });
    }
}
