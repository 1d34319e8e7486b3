using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>Delete with the relationship behaviours of the referencing lookups: Cascade deletes the children through the
/// pipeline, RemoveLink clears the lookup, Restrict refuses. Lookups without a solution relationship remove the link,
/// the behaviour of the standard parental lookups the solution touches.</summary>
internal sealed class DeleteHandler : IMessageHandler
{
    public bool IsWrite => true;
    public ImageSource Images => ImageSource.Pre;

    public void Describe(Operation op)
    {
        var target = op.Required<EntityReference>("Target");
        var table = op.Org.Metadata.Get(target.LogicalName);
        target.Id = op.Writer.ResolveId(op.Transaction, table, target.Id, target.KeyAttributes);
        op.SetPrimary(table.LogicalName, target.Id);
        if (op.Transaction.Read(table.LogicalName, target.Id) is null) throw Faults.DoesNotExist(table.LogicalName, target.Id);
    }

    public void Authorize(Operation op) => op.Org.Guard.CheckPrivilege(op, op.Context.PrimaryEntityName, Security.AccessRight.Delete);

    public void Execute(Operation op)
    {
        var target = op.Required<EntityReference>("Target");
        var concurrency = op.Input.TryGetValue("ConcurrencyBehavior", out var c) && c is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
        var row = op.Transaction.Read(target.LogicalName, target.Id) ?? throw Faults.DoesNotExist(target.LogicalName, target.Id);
        op.Org.Guard.CheckDelete(op, target.LogicalName, row);
        foreach (var (table, column, behavior) in op.Org.ReferencingLookups(target.LogicalName))
        {
            foreach (var child in op.Transaction.Children(table, column, target.Id))
            {
                if (table == target.LogicalName && child == target.Id) continue;
                switch (behavior)
                {
                    case "Cascade": op.Platform.Delete(table, child); break;
                    case "Restrict":
                        throw new DataverseFault(Faults.RestrictDelete,
                            $"The record cannot be deleted because it is associated with another record ({table}.{column}).");
                    default: op.Writer.ClearLookup(op.Transaction, table, child, column); break;
                }
            }
        }
        op.Writer.Delete(op.Transaction, target.LogicalName, target.Id, target.RowVersion, concurrency);
        if (target.LogicalName == "businessunit") op.Org.Security.BusinessUnitsChanged();
    }
}
