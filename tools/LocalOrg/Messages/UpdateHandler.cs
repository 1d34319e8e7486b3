using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

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

    /// <summary>Assign for a new owner, Write for any other column.</summary>
    public void Authorize(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var primaryId = op.Org.Metadata.Get(target.LogicalName).PrimaryIdAttribute;
        if (target.Contains("ownerid")) op.Org.Guard.CheckPrivilege(op, target.LogicalName, Security.AccessRight.Assign);
        if (target.Attributes.Keys.Any(k => k != "ownerid" && k != primaryId)) op.Org.Guard.CheckPrivilege(op, target.LogicalName, Security.AccessRight.Write);
    }

    public void Execute(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var concurrency = op.Input.TryGetValue("ConcurrencyBehavior", out var c) && c is ConcurrencyBehavior cb ? cb : ConcurrencyBehavior.Default;
        var current = op.Transaction.Read(target.LogicalName, op.Context.PrimaryEntityId) ?? throw Faults.DoesNotExist(target.LogicalName, op.Context.PrimaryEntityId);
        op.Org.Guard.CheckUpdate(op, target, current);
        if (op.Org.ProcessFlows.IsFlowTable(target.LogicalName)) op.Org.ProcessFlows.CheckUpdate(op.Transaction, target, current);
        var newOwner = target.GetAttributeValue<EntityReference>("ownerid");
        var ownerChanges = newOwner is not null && current.GetAttributeValue<EntityReference>("ownerid")?.Id != newOwner.Id;
        op.Writer.Update(op.Transaction, target, op.UserId, concurrency);
        if (target.LogicalName == "businessunit") op.Org.Security.BusinessUnitsChanged();
        if (ownerChanges) CascadeAssign(op, target.LogicalName, op.Context.PrimaryEntityId, newOwner!);
    }

    /// <summary>
    /// A new owner cascades to the activities regarding the record: the relationships between a table and its activities
    /// are parental, whose Assign behaviour is Cascade All, so "when you reassign an account, contact, lead etc., any
    /// activities 'regarding' that record are also reassigned to the new owner" (learn.microsoft.com, "Configure table
    /// relationship cascading behavior"; Data8/ActivityCascadeRules describes the default). Each activity is assigned
    /// through the pipeline, as the platform runs the cascaded operation's steps.
    /// </summary>
    private static void CascadeAssign(Operation op, string table, Guid id, EntityReference owner)
    {
        foreach (var (childTable, column, _) in op.Org.ReferencingLookups(table))
        {
            if (column != "regardingobjectid" || childTable == "activitypointer") continue;
            foreach (var child in op.Transaction.Children(childTable, column, id))
            {
                var row = op.Transaction.Read(childTable, child);
                if (row?.GetAttributeValue<EntityReference>("ownerid")?.Id == owner.Id) continue;
                op.Platform.Execute(new UpdateRequest { Target = new Entity(childTable, child) { ["ownerid"] = new EntityReference(owner.LogicalName, owner.Id) } });
            }
        }
    }

    public IReadOnlyList<Operation> Parts(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var parts = SpecializedUpdateSplit.Parts(op.Org.Metadata.Get(target.LogicalName), target);
        return parts.Count == 1 ? new[] { op } : parts.Select((part, i) => op.WithInput(PartInput(op.Input, part, first: i == 0))).ToList();
    }

    private static ParameterCollection PartInput(ParameterCollection input, Entity target, bool first)
    {
        var copy = new ParameterCollection();
        foreach (var p in input) copy[p.Key] = p.Value;
        copy["Target"] = target;
        // The request's RowVersion is checked once, by the first part; the later parts continue the same request.
        if (!first) copy.Remove("ConcurrencyBehavior");
        return copy;
    }
}
