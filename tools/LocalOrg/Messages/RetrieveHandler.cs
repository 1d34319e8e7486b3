using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Messages;

internal sealed class RetrieveHandler : IMessageHandler
{
    public bool IsWrite => false;
    public ImageSource Images => ImageSource.None;

    public void Describe(Operation op)
    {
        var target = op.Required<EntityReference>("Target");
        var table = op.Org.Metadata.Get(target.LogicalName);
        target.Id = op.Writer.ResolveId(op.Transaction, table, target.Id, target.KeyAttributes);
        op.SetPrimary(table.LogicalName, target.Id);
    }

    public void Authorize(Operation op) => op.Org.Guard.CheckPrivilege(op, op.Context.PrimaryEntityName, Security.AccessRight.Read);

    public void Execute(Operation op)
    {
        var target = op.Required<EntityReference>("Target");
        var columns = op.Required<ColumnSet>("ColumnSet");
        var table = op.Org.Metadata.Get(target.LogicalName);
        var row = op.Transaction.Read(table.LogicalName, target.Id) ?? throw Faults.DoesNotExist(table.LogicalName, target.Id);
        op.Org.Guard.CheckRead(op, table.LogicalName, row);
        op.Output["Entity"] = EntityCopy.Project(row, columns, table);
    }
}
