using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>SetState runs its own steps, then the platform performs it as an Update of statecode/statuscode, so steps
/// registered on Update (filtered on statecode) run too ("Behavior of specialized update operations", learn.microsoft.com).
/// Status -1 means the state's default status.</summary>
internal sealed class SetStateHandler : IMessageHandler
{
    public bool IsWrite => true;
    public ImageSource Images => ImageSource.Both;

    public void Describe(Operation op)
    {
        var moniker = op.Required<EntityReference>("EntityMoniker");
        op.Org.Metadata.Get(moniker.LogicalName);
        op.SetPrimary(moniker.LogicalName, moniker.Id);
        if (op.Transaction.Read(moniker.LogicalName, moniker.Id) is null) throw Faults.DoesNotExist(moniker.LogicalName, moniker.Id);
    }

    public void Execute(Operation op)
    {
        var moniker = op.Required<EntityReference>("EntityMoniker");
        var state = op.Required<OptionSetValue>("State");
        var status = op.Optional<OptionSetValue>("Status");
        var update = new Entity(moniker.LogicalName, moniker.Id) { ["statecode"] = new OptionSetValue(state.Value) };
        if (status is not null && status.Value != -1) update["statuscode"] = new OptionSetValue(status.Value);
        op.Platform.Execute(new UpdateRequest { Target = update });
    }
}
