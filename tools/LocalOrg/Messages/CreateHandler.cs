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

    public void Execute(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var id = op.Writer.Create(op.Transaction, target, op.UserId);
        target.Id = id; // post-operation steps see the new id on the Target and in OutputParameters["id"]
        op.Output["id"] = id;
        op.Context.PrimaryEntityId = id;
    }
}
