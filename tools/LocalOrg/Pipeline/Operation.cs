using LeadLifecycle.LocalOrg.Storage;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Pipeline;

/// <summary>One message being processed: its context (the main-operation view, stage 30), transaction and caller.</summary>
internal sealed class Operation
{
    public Operation(LocalOrganization org, ExecutionFrame frame, Transaction transaction, PluginExecutionContext context)
    {
        Org = org;
        Frame = frame;
        Transaction = transaction;
        Context = context;
    }

    public LocalOrganization Org { get; }
    public ExecutionFrame Frame { get; }
    public Transaction Transaction { get; }
    public PluginExecutionContext Context { get; }
    public string Message => Context.MessageName;
    public ParameterCollection Input => Context.InputParameters;
    public ParameterCollection Output => Context.OutputParameters;
    public Guid UserId => Frame.UserId;
    public RecordWriter Writer => Org.Writer;

    /// <summary>The service the platform itself uses for the operations a message causes (QualifyLead's creates,
    /// SetState's update, cascades): they run through the pipeline one level deeper, inside the same transaction.</summary>
    public IOrganizationService Platform => new OrganizationService(Org, new ExecutionFrame(UserId, Frame.InitiatingUserId, Transaction, Context));

    /// <summary>The same operation run for part of its request: own input parameters, same ids, SharedVariables and OutputParameters.</summary>
    public Operation WithInput(ParameterCollection input) => new(Org, Frame, Transaction, Context.WithInput(input));

    public T Required<T>(string name) where T : class =>
        Input.TryGetValue(name, out var value) && value is T typed ? typed : throw Faults.Missing(name);

    public T? Optional<T>(string name) where T : class => Input.TryGetValue(name, out var value) ? value as T : null;

    public void SetPrimary(string entityName, Guid id)
    {
        Context.PrimaryEntityName = entityName;
        Context.PrimaryEntityId = id;
    }
}
