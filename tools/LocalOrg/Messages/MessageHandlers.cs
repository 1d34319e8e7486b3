using LeadLifecycle.LocalOrg.Pipeline;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>The messages the local organization implements, plus the solution's custom APIs.</summary>
internal sealed class MessageHandlers
{
    private readonly Dictionary<string, IMessageHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly LocalOrganization _org;

    public MessageHandlers(LocalOrganization org)
    {
        _org = org;
        _handlers["Create"] = new CreateHandler();
        _handlers["Update"] = new UpdateHandler();
        _handlers["Delete"] = new DeleteHandler();
        _handlers["Retrieve"] = new RetrieveHandler();
        _handlers["RetrieveMultiple"] = new RetrieveMultipleHandler();
        _handlers["Upsert"] = new UpsertHandler();
        _handlers["Associate"] = new AssociateHandler(associate: true);
        _handlers["Disassociate"] = new AssociateHandler(associate: false);
        _handlers["SetState"] = new SetStateHandler();
        _handlers["Assign"] = new AssignHandler();
        _handlers["WhoAmI"] = new WhoAmIHandler();
        _handlers["RetrieveActivePath"] = new RetrieveActivePathHandler();
        _handlers["QualifyLead"] = new QualifyLeadHandler();
        _handlers["Win"] = new CloseOpportunityHandler(won: true);
        _handlers["Lose"] = new CloseOpportunityHandler(won: false);
        foreach (var api in org.Solution.CustomApis) _handlers[api.UniqueName] = new CustomApiHandler(api);
    }

    public IMessageHandler? Find(string message) => _handlers.TryGetValue(message, out var h) ? h : null;
}
