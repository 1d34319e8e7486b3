using System.Linq;
using LeadLifecycle.Plugins.Scoring;
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

            var task = new Entity("task")
            {
                ["subject"] = subject,
                ["description"] = $"The lead entered the stage '{LeadStageNames.Of(stage)}' of the Lead Lifecycle Process.",
                ["regardingobjectid"] = lead.ToEntityReference(),
            };
            var owner = lead.GetAttributeValue<EntityReference>(LeadColumns.Owner);
            if (owner != null) task["ownerid"] = owner;
            service.Create(task);
        }

        private bool Exists(Entity lead, string subject)
        {
            var query = new QueryExpression("task") { ColumnSet = new ColumnSet("activityid"), TopCount = 1 };
            query.Criteria.AddCondition("regardingobjectid", ConditionOperator.Equal, lead.Id);
            query.Criteria.AddCondition("subject", ConditionOperator.Equal, subject);
            return service.RetrieveMultiple(query).Entities.Any();
        }
    }
}
