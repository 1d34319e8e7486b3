using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>
/// WinOpportunity / LoseOpportunity (learn.microsoft.com WinOpportunityRequest): creates the opportunityclose activity
/// (completed), sets the opportunity's actualclosedate from its actualend (and actualvalue from actualrevenue when won)
/// and closes the opportunity: state Won (1) or Lost (2) with the given status.
/// </summary>
internal sealed class CloseOpportunityHandler : IMessageHandler
{
    private readonly bool _won;

    public CloseOpportunityHandler(bool won) { _won = won; }

    public bool IsWrite => true;
    public ImageSource Images => ImageSource.Both;

    public void Describe(Operation op)
    {
        var close = op.Required<Entity>("OpportunityClose");
        var opportunity = close.GetAttributeValue<EntityReference>("opportunityid") ?? throw Faults.Missing("opportunityclose.opportunityid");
        op.SetPrimary("opportunity", opportunity.Id);
        if (op.Transaction.Read("opportunity", opportunity.Id) is null) throw Faults.DoesNotExist("opportunity", opportunity.Id);
    }

    public void Execute(Operation op)
    {
        var close = Storage.EntityCopy.Clone(op.Required<Entity>("OpportunityClose"));
        var opportunityId = op.Context.PrimaryEntityId;
        op.Transaction.LockRow("opportunity", opportunityId);
        var opportunity = op.Transaction.Read("opportunity", opportunityId) ?? throw Faults.DoesNotExist("opportunity", opportunityId);
        if (opportunity.GetAttributeValue<OptionSetValue>("statecode")?.Value is int state && state != 0)
            throw new DataverseFault(Faults.OpportunityNotOpen, "The opportunity is already closed. Reopen it before you close it again.");
        // Read the opportunity; the opportunityclose create and the opportunity's update are checked as the caller below.
        op.Org.Guard.CheckRead(op, "opportunity", opportunity);

        var status = op.Optional<OptionSetValue>("Status")?.Value ?? (_won ? 3 : 4);
        var actualEnd = close.GetAttributeValue<DateTime?>("actualend") ?? op.Org.Clock.UtcNow;
        close["actualend"] = actualEnd;
        if (!close.Contains("subject")) close["subject"] = _won ? "Opportunity Closed: Won" : "Opportunity Closed: Lost";
        close["statecode"] = new OptionSetValue(1);
        close["statuscode"] = new OptionSetValue(2);
        op.Platform.Create(close);

        var update = new Entity("opportunity", opportunityId)
        {
            ["statecode"] = new OptionSetValue(_won ? 1 : 2),
            ["statuscode"] = new OptionSetValue(status),
            ["actualclosedate"] = actualEnd,
        };
        if (_won && close.GetAttributeValue<Money>("actualrevenue") is { } revenue) update["actualvalue"] = new Money(revenue.Value);
        op.Platform.Execute(new UpdateRequest { Target = update });
    }
}
