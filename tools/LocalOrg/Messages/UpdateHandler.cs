using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Messages;

internal sealed class UpdateHandler : IMessageHandler
{
    public bool IsWrite => true;
    public ImageSource Images => ImageSource.Both;

    public void Describe(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var table = op.Org.Metadata.Get(target.LogicalName);
        target.Id = op.Writer.ResolveId(op.Transaction, table, target.Id, target.KeyAttributes, target);
        op.SetPrimary(table.LogicalName, target.Id);
        if (op.Transaction.Read(table.LogicalName, target.Id) is null) throw Faults.DoesNotExist(table.LogicalName, target.Id);
    }

    public void Execute(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var concurrency = op.Input.TryGetValue("ConcurrencyBehavior", out var c) && c is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
        op.Writer.Update(op.Transaction, target, op.UserId, concurrency);
    }
}
