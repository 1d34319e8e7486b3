using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>Upsert: finds the row by Id or alternate key; updates it when it exists, else creates it with the key values
/// (learn.microsoft.com: "Use Upsert to insert or update a record"). The Create/Update steps run for the chosen operation.
/// Two concurrent upserts by one key value that both find no row: by default (a modelling choice) the key value is claimed
/// while looking it up, so the second waits and then updates the first one's row; with
/// <see cref="UpsertKeyRace.SecondFailsOnDuplicateKey"/>, as in Dataverse, the lookup claims nothing, both go on to create
/// and the second create fails on the alternate key's unique index when the first commits.</summary>
internal sealed class UpsertHandler : IMessageHandler
{
    public bool IsWrite => true;
    public ImageSource Images => ImageSource.None;

    public void Describe(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var table = op.Org.Metadata.Get(target.LogicalName);
        var existing = target.Id != Guid.Empty
            ? (op.Transaction.Read(table.LogicalName, target.Id) is null ? (Guid?)null : target.Id)
            : target.KeyAttributes.Count > 0
                ? op.Writer.FindByKeys(op.Transaction, table, target.KeyAttributes, claim: op.Org.Options.UpsertKeyRace == UpsertKeyRace.SecondWaitsAndUpdates)
                : null;
        op.SetPrimary(table.LogicalName, existing ?? target.Id);
    }

    public void Execute(Operation op)
    {
        var target = op.Required<Entity>("Target");
        var table = op.Org.Metadata.Get(target.LogicalName);
        var existing = op.Context.PrimaryEntityId != Guid.Empty && op.Transaction.Read(table.LogicalName, op.Context.PrimaryEntityId) is not null;
        if (existing)
        {
            var update = Storage.EntityCopy.Clone(target);
            update.Id = op.Context.PrimaryEntityId;
            update.KeyAttributes.Clear();
            op.Platform.Execute(new UpdateRequest { Target = update });
            op.Output["RecordCreated"] = false;
            op.Output["Target"] = new EntityReference(table.LogicalName, update.Id);
            return;
        }
        var create = Storage.EntityCopy.Clone(target);
        foreach (var key in target.KeyAttributes) create.Attributes[key.Key] = key.Value;
        create.KeyAttributes.Clear();
        var id = op.Platform.Create(create);
        op.Context.PrimaryEntityId = id;
        op.Output["RecordCreated"] = true;
        op.Output["Target"] = new EntityReference(table.LogicalName, id);
    }
}
