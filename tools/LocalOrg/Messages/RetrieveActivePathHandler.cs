using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>RetrieveActivePath: the processstage rows of the active path of a business process flow instance, in path order
/// (learn.microsoft.com "Work with business process flows using code", Use RetrieveProcessInstances and RetrieveActivePath
/// messages). Reading the instance needs Read on the flow's table.</summary>
internal sealed class RetrieveActivePathHandler : IMessageHandler
{
    public bool IsWrite => false;
    public ImageSource Images => ImageSource.None;

    public void Describe(Operation op) => op.SetPrimary("none", Guid.Empty);

    public void Execute(Operation op)
    {
        var id = op.Input.TryGetValue("ProcessInstanceId", out var value) && value is Guid g ? g : throw Faults.Missing("ProcessInstanceId");
        foreach (var flow in op.Org.Solution.Workflows.Where(w => op.Org.ProcessFlows.FlowOfTable(w.UniqueName) == w))
        {
            var instance = op.Transaction.Read(flow.UniqueName, id);
            if (instance is null) continue;
            op.Org.Guard.CheckRead(op, flow.UniqueName, instance);
            var stages = new EntityCollection { EntityName = "processstage" };
            foreach (var stageId in op.Org.ProcessFlows.ActivePath(op.Transaction, flow, instance))
            {
                var row = op.Transaction.Read("processstage", stageId) ?? throw Faults.DoesNotExist("processstage", stageId);
                var stage = new Entity("processstage", stageId);
                foreach (var column in new[] { "processstageid", "stagename", "stagecategory", "primaryentitytypecode", "processid" })
                    if (row.Contains(column)) stage[column] = row[column];
                stages.Entities.Add(stage);
            }
            op.Output["ProcessStages"] = stages;
            return;
        }
        throw Faults.DoesNotExist("business process flow instance", id);
    }
}
