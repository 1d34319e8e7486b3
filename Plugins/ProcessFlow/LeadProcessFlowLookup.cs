using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Where a lead stands in the shipped process, read with one query: the process's stages, each joined (left
    /// outer) to the lead's instance of the process, so the stage ids and the instance come back together.
    /// </summary>
    /// <param name="StageIds">The stage ids of the shipped process.</param>
    /// <param name="Instance">The lead's instance (id, activestageid, traversedpath), or null when it has none yet.</param>
    public sealed record LeadProcessFlowLookup(ProcessStageIds StageIds, Entity? Instance)
    {
        private const string InstanceAlias = "instance";

        public static LeadProcessFlowLookup Run(IOrganizationService service, Guid leadId)
        {
            var query = new QueryExpression(Contract.ProcessStage.LogicalName)
            {
                ColumnSet = new ColumnSet(Contract.ProcessStage.Id, Contract.ProcessStage.StageName, Contract.ProcessStage.ProcessId),
            };
            var process = query.AddLink(Contract.Workflow.LogicalName, Contract.ProcessStage.ProcessId, Contract.Workflow.Id);
            process.LinkCriteria.AddCondition(Contract.Workflow.UniqueName, ConditionOperator.Equal, Contract.LeadLifecycleProcess.LogicalName);
            var instance = query.AddLink(Contract.LeadLifecycleProcess.LogicalName, Contract.ProcessStage.ProcessId,
                Contract.LeadLifecycleProcess.ProcessId, JoinOperator.LeftOuter);
            instance.EntityAlias = InstanceAlias;
            instance.Columns = new ColumnSet(Contract.LeadLifecycleProcess.Id, Contract.LeadLifecycleProcess.ActiveStageId,
                Contract.LeadLifecycleProcess.TraversedPath);
            instance.LinkCriteria.AddCondition(Contract.LeadLifecycleProcess.LeadId, ConditionOperator.Equal, leadId);
            instance.Orders.Add(new OrderExpression(Contract.LeadLifecycleProcess.CreatedOn, OrderType.Ascending));

            var rows = service.RetrieveMultiple(query).Entities;
            return new LeadProcessFlowLookup(ProcessStageIds.From(rows), InstanceOf(rows.FirstOrDefault()));
        }

        private static Entity? InstanceOf(Entity? row)
        {
            if (!(row?.GetAttributeValue<AliasedValue>(InstanceAlias + "." + Contract.LeadLifecycleProcess.Id)?.Value is Guid id)) return null;
            var instance = new Entity(Contract.LeadLifecycleProcess.LogicalName, id);
            foreach (var column in new[] { Contract.LeadLifecycleProcess.ActiveStageId, Contract.LeadLifecycleProcess.TraversedPath })
            {
                var value = row.GetAttributeValue<AliasedValue>(InstanceAlias + "." + column)?.Value;
                if (value != null) instance[column] = value;
            }
            return instance;
        }
    }
}
