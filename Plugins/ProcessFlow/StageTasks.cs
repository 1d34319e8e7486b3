using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Contract: entering Teleprospecting Acceptance or Sales Acceptance creates a task regarding the lead for its
    /// owner. Never twice for the same stage: the task's subject names the stage and is looked up first, so a flow
    /// moved back by hand and forward again does not repeat it.
    /// </summary>
    public sealed class StageTasks
    {
        private readonly IOrganizationService service;

        public StageTasks(IOrganizationService service) { this.service = service; }

        public static string? SubjectFor(LeadStage stage)
        {
            switch (stage)
            {
                case LeadStage.TeleprospectingAcceptance: return "Teleprospecting Acceptance: accept or reject this lead for teleprospecting";
                case LeadStage.SalesAcceptance: return "Sales Acceptance: accept or reject this sales-ready lead";
                default: return null;
            }
        }

        public void CreateOnEntry(Entity lead, LeadStage stage)
        {
            var subject = SubjectFor(stage);
            if (subject == null || Exists(lead, subject)) return;

            var task = new Entity(Contract.Task.LogicalName)
            {
                [Contract.Task.Subject] = subject,
                [Contract.Task.Description] = $"The lead entered the stage '{stage.DisplayName()}' of the Lead Lifecycle Process.",
                [Contract.Task.RegardingObjectId] = lead.ToEntityReference(),
            };
            var owner = lead.GetAttributeValue<EntityReference>(Contract.Lead.OwnerId);
            if (owner != null) task[Contract.Task.OwnerId] = owner;
            service.Create(task);
        }

        private bool Exists(Entity lead, string subject)
        {
            var query = new QueryExpression(Contract.Task.LogicalName) { ColumnSet = new ColumnSet(Contract.Task.Id), TopCount = 1 };
            query.Criteria.AddCondition(Contract.Task.RegardingObjectId, ConditionOperator.Equal, lead.Id);
            query.Criteria.AddCondition(Contract.Task.Subject, ConditionOperator.Equal, subject);
            return service.RetrieveMultiple(query).Entities.Any();
        }
    }
}
