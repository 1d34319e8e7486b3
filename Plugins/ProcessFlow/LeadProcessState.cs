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
    public sealed class LeadProcessState
    {
        private const string InstanceAlias = "instance";

        private LeadProcessState(LeadProcessStages stages, Entity? instance)
        {
            Stages = stages;
            Instance = instance;
        }

        public LeadProcessStages Stages { get; }

        /// <summary>The lead's instance (id, activestageid, traversedpath), or null when it has none yet.</summary>
        public Entity? Instance { get; }

        public static LeadProcessState Load(IOrganizationService service, Guid leadId)
        {
            var query = new QueryExpression(ProcessTables.Stage)
            {
                ColumnSet = new ColumnSet(ProcessTables.StageId, ProcessTables.StageName, ProcessTables.StageProcessId),
            };
            var process = query.AddLink(ProcessTables.Workflow, ProcessTables.StageProcessId, ProcessTables.WorkflowId);
            process.LinkCriteria.AddCondition(ProcessTables.UniqueName, ConditionOperator.Equal, LeadProcessTable.Name);
            var instance = query.AddLink(LeadProcessTable.Name, ProcessTables.StageProcessId, LeadProcessTable.ProcessId, JoinOperator.LeftOuter);
            instance.EntityAlias = InstanceAlias;
            instance.Columns = new ColumnSet(LeadProcessTable.Id, LeadProcessTable.ActiveStageId, LeadProcessTable.TraversedPath);
            instance.LinkCriteria.AddCondition(LeadProcessTable.LeadId, ConditionOperator.Equal, leadId);
            instance.Orders.Add(new OrderExpression("createdon", OrderType.Ascending));

            var rows = service.RetrieveMultiple(query).Entities;
            return new LeadProcessState(LeadProcessStages.From(rows), InstanceOf(rows.FirstOrDefault()));
        }

        private static Entity? InstanceOf(Entity? row)
        {
            if (!(row?.GetAttributeValue<AliasedValue>(InstanceAlias + "." + LeadProcessTable.Id)?.Value is Guid id)) return null;
            var instance = new Entity(LeadProcessTable.Name, id);
            foreach (var column in new[] { LeadProcessTable.ActiveStageId, LeadProcessTable.TraversedPath })
            {
                var value = row.GetAttributeValue<AliasedValue>(InstanceAlias + "." + column)?.Value;
                if (value != null) instance[column] = value;
            }
            return instance;
        }
    }
}
