using LeadLifecycle.LocalOrg.Pipeline;

namespace LeadLifecycle.LocalOrg.Messages;

internal sealed class WhoAmIHandler : IMessageHandler
{
    public bool IsWrite => false;
    public ImageSource Images => ImageSource.None;

    public void Describe(Operation op) => op.SetPrimary("none", Guid.Empty);

    public void Execute(Operation op)
    {
        op.Output["UserId"] = op.UserId;
        op.Output["BusinessUnitId"] = op.Org.BusinessUnitOf(op.UserId);
        op.Output["OrganizationId"] = op.Org.OrganizationId;
    }
}
