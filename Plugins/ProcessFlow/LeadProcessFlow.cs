using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Scoring;
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
        public static readonly string[] LeadColumnsRead =
        {
            LeadColumns.Topic, LeadColumns.Owner, LeadColumns.Score, LeadColumns.SalesReady,
            LeadColumns.TeleprospectReady, LeadColumns.TeleprospectAccepted,
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
            var state = LeadProcessState.Load(service, lead.Id);
            var stages = state.Stages;
            var instance = state.Instance ?? CreateInstance(lead, stages);

            var path = SplitPath(instance.GetAttributeValue<string>(LeadProcessTable.TraversedPath));
            var current = stages.StageOf(instance.GetAttributeValue<EntityReference>(LeadProcessTable.ActiveStageId)?.Id) ?? LeadStage.Inquiry;
            var gates = new LeadGates(
                scored: lead.GetAttributeValue<int?>(LeadColumns.Score).HasValue,
                salesReady: EntityValues.IsTrue(lead, LeadColumns.SalesReady),
                teleprospectReady: EntityValues.IsTrue(lead, LeadColumns.TeleprospectReady),
                teleprospectAccepted: EntityValues.IsTrue(lead, LeadColumns.TeleprospectAccepted));
            var entered = StageProgression.StagesToEnter(current, gates);
            if (entered.Count == 0) return entered;

            foreach (var stage in entered) path.Add(stages.IdOf(stage));
            service.Update(new Entity(LeadProcessTable.Name, instance.Id)
            {
                [LeadProcessTable.ActiveStageId] = new EntityReference(ProcessTables.Stage, stages.IdOf(entered.Last())),
                [LeadProcessTable.TraversedPath] = JoinPath(path),
                [LeadProcessTable.ActiveStageStartedOn] = now,
            });

            var tasks = new StageTasks(service);
            foreach (var stage in entered) tasks.CreateOnEntry(lead, stage);
            return entered;
        }

        private Entity CreateInstance(Entity lead, LeadProcessStages stages)
        {
            var inquiry = stages.IdOf(LeadStage.Inquiry);
            var instance = new Entity(LeadProcessTable.Name)
            {
                [LeadProcessTable.DisplayName] = "Lead Lifecycle Process",
                [LeadProcessTable.LeadId] = lead.ToEntityReference(),
                [LeadProcessTable.ProcessId] = new EntityReference(ProcessTables.Workflow, stages.ProcessId),
                [LeadProcessTable.ActiveStageId] = new EntityReference(ProcessTables.Stage, inquiry),
                [LeadProcessTable.TraversedPath] = inquiry.ToString(),
                [LeadProcessTable.ActiveStageStartedOn] = now,
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
