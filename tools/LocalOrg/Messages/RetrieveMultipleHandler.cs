using LeadLifecycle.LocalOrg.Pipeline;
using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>RetrieveMultiple: the query engine evaluates the query over the rows this transaction sees.</summary>
internal sealed class RetrieveMultipleHandler : IMessageHandler
{
    public bool IsWrite => false;
    public ImageSource Images => ImageSource.None;

    public void Describe(Operation op)
    {
        var query = op.Required<QueryBase>("Query");
        var table = query switch
        {
            QueryExpression q => q.EntityName,
            QueryByAttribute q => q.EntityName,
            FetchExpression f => Recording.RecordingHub.FetchEntity(f.Query),
            _ => null,
        };
        op.SetPrimary(table ?? "none", Guid.Empty);
    }

    public void Execute(Operation op)
    {
        var query = op.Required<QueryBase>("Query");
        EntityCollection result;
        try
        {
            // The caller's read security wraps the store: a per-row filter over the rows the store chose.
            var store = op.Org.Guard.Secure(op, new TransactionQueryStore(op.Org, op.Transaction));
            result = QueryEngine.Execute(query, store, new QueryContext(op.Org.Clock.UtcNow, op.UserId));
        }
        catch (QueryFault fault)
        {
            throw new DataverseFault(fault.ErrorCode, fault.Message, fault);
        }
        // The engine's result is already the caller's own: every row a new Entity, every value copied from the store
        // (Projection.Copy, AggregateRunner), so it is handed over as it is rather than copied a second time.
        op.Output["EntityCollection"] = result;
    }
}
