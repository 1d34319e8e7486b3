using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Keeps a lead's process flow instance in step with the lead: creates it at Inquiry when missing, moves it
    /// forward as the gates allow, keeps activestageid and traversedpath consistent, and creates the stage tasks.
    /// Writes nothing when the stage does not change (the guard of the lead → flow → lead loop).
    /// </summary>
    public sealed class LeadProcessFlow
    {
        /// <summary>The lead columns the flow reads: the post-image of both process-flow steps.</summary>
        public static readonly string[] LeadColumnsRead =
        {
            Contract.Lead.Subject, Contract.Lead.OwnerId, Contract.Lead.Score, Contract.Lead.SalesReady,
            Contract.Lead.TeleprospectReady, Contract.Lead.TeleprospectAccepted,
        };

        private readonly IOrganizationService service;
        private readonly DateTime now;

        public LeadProcessFlow(IOrganizationService service, DateTime now)
        {
            this.service = service;
            this.now = now;
        }

        /// <summary>
        /// The stages entered by this call, in order (empty when the flow stays where it is). <paramref name="lead"/>
        /// holds <see cref="LeadColumnsRead"/> (the step's post-image).
        /// </summary>
        public IReadOnlyList<LeadStage> Advance(Entity lead)
        {
            var lookup = LeadProcessFlowLookup.Run(service, lead.Id);
            var stages = lookup.StageIds;
            var instance = lookup.Instance ?? CreateInstance(lead, stages);

            var path = SplitPath(instance.GetAttributeValue<string>(Contract.LeadLifecycleProcess.TraversedPath));
            var current = stages.StageOf(instance.GetAttributeValue<EntityReference>(Contract.LeadLifecycleProcess.ActiveStageId)?.Id)
                ?? LeadStage.Inquiry;
            var gates = new LeadGates(
                Scored: lead.GetAttributeValue<int?>(Contract.Lead.Score).HasValue,
                SalesReady: EntityValues.IsTrue(lead, Contract.Lead.SalesReady),
                TeleprospectReady: EntityValues.IsTrue(lead, Contract.Lead.TeleprospectReady),
                TeleprospectAccepted: EntityValues.IsTrue(lead, Contract.Lead.TeleprospectAccepted));
            var entered = StageProgression.StagesToEnter(current, gates);
            if (entered.Count == 0) return entered;

            foreach (var stage in entered) path.Add(stages.IdOf(stage));
            service.Update(new Entity(Contract.LeadLifecycleProcess.LogicalName, instance.Id)
            {
                [Contract.LeadLifecycleProcess.ActiveStageId] = new EntityReference(Contract.ProcessStage.LogicalName, stages.IdOf(entered.Last())),
                [Contract.LeadLifecycleProcess.TraversedPath] = JoinPath(path),
                [Contract.LeadLifecycleProcess.ActiveStageStartedOn] = now,
            });

            var tasks = new StageTasks(service);
            foreach (var stage in entered) tasks.CreateOnEntry(lead, stage);
            return entered;
        }

        private Entity CreateInstance(Entity lead, ProcessStageIds stages)
        {
            var inquiry = stages.IdOf(LeadStage.Inquiry);
            var instance = new Entity(Contract.LeadLifecycleProcess.LogicalName)
            {
                [Contract.LeadLifecycleProcess.Name] = "Lead Lifecycle Process",
                [Contract.LeadLifecycleProcess.LeadId] = lead.ToEntityReference(),
                [Contract.LeadLifecycleProcess.ProcessId] = new EntityReference(Contract.Workflow.LogicalName, stages.ProcessId),
                [Contract.LeadLifecycleProcess.ActiveStageId] = new EntityReference(Contract.ProcessStage.LogicalName, inquiry),
                [Contract.LeadLifecycleProcess.TraversedPath] = inquiry.ToString(),
                [Contract.LeadLifecycleProcess.ActiveStageStartedOn] = now,
            };
            instance.Id = service.Create(instance);
            return instance;
        }

        private static List<Guid> SplitPath(string? path) =>
            (path ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(p => Guid.TryParse(p.Trim(), out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty).ToList();

        private static string JoinPath(IEnumerable<Guid> path) => string.Join(",", path.Select(id => id.ToString()));
    }
}
