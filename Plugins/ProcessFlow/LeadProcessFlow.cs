using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// Keeps a lead's instance of the Lead Lifecycle Process in step with the lead, the way Dataverse runs a business process
    /// flow (learn.microsoft.com, "Work with business process flows using code"):
    /// <list type="bullet">
    /// <item>The platform applies the flow to every new lead (it is the lead's default flow: TriggerOnCreate, processorder),
    /// so the instance is found, never created twice. Only when the platform applied none — the creating user had no access to
    /// the flow's table, or the Create asked for no flow (processid = Guid.Empty, as bulk imports may) — is one created, at
    /// Inquiry: the contract gives every lead one instance.</item>
    /// <item>A move goes to the <b>next stage of the active path</b> (RetrieveActivePath: the flow's branch after Automated
    /// Marketing Qualification decides between Sales Acceptance and Teleprospecting Acceptance), one Update per move with
    /// activestageid and traversedpath, so several moves in one event are made one after the other.</item>
    /// <item>The instance is the product's bookkeeping: read, created and moved as SYSTEM, whatever the user may do on the
    /// flow's table (a Salesperson has no privilege on it unless granted). The stage tasks are created with the service the
    /// plug-in passes (SYSTEM too, README "Security": they are made for the lead's owner, not the caller).</item>
    /// </list>
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

        private const string ActivePathMessage = "RetrieveActivePath";
        private const string ActivePathInstanceParameter = "ProcessInstanceId";
        private const string ActivePathStagesResult = "ProcessStages";

        private readonly IOrganizationService service;
        private readonly IOrganizationService system;
        private readonly DateTime now;

        /// <param name="service">The service the stage tasks are created with.</param>
        /// <param name="system">SYSTEM (the flow instance: lookup, creation, moves, active path).</param>
        public LeadProcessFlow(IOrganizationService service, IOrganizationService system, DateTime now)
        {
            this.service = service;
            this.system = system;
            this.now = now;
        }

        /// <summary>
        /// The stages entered by this call, in order (empty when the flow stays where it is). <paramref name="lead"/>
        /// holds <see cref="LeadColumnsRead"/> (the step's post-image).
        /// </summary>
        public IReadOnlyList<LeadStage> Advance(Entity lead)
        {
            var lookup = LeadProcessFlowLookup.Run(system, lead.Id);
            var stages = lookup.StageIds;
            var instance = lookup.Instance ?? CreateInstance(lead, stages);

            var traversed = SplitPath(instance.GetAttributeValue<string>(Contract.LeadLifecycleProcess.TraversedPath));
            var current = stages.StageOf(instance.GetAttributeValue<EntityReference>(Contract.LeadLifecycleProcess.ActiveStageId)?.Id)
                ?? LeadStage.Inquiry;
            var gates = new LeadGates(
                Scored: lead.GetAttributeValue<int?>(Contract.Lead.Score).HasValue,
                SalesReady: EntityValues.IsTrue(lead, Contract.Lead.SalesReady),
                TeleprospectReady: EntityValues.IsTrue(lead, Contract.Lead.TeleprospectReady),
                TeleprospectAccepted: EntityValues.IsTrue(lead, Contract.Lead.TeleprospectAccepted));

            var entered = new List<LeadStage>();
            // At most one move per stage of the flow: the path never loops.
            for (var moves = 0; moves < Enum.GetValues(typeof(LeadStage)).Length; moves++)
            {
                // No gate open out of the current stage, whatever the path: no need to ask the platform for it.
                if (!StageProgression.CanLeave(current, gates)) break;
                var next = NextOnActivePath(instance.Id, stages, current);
                if (next == null || !StageProgression.CanEnter(current, next.Value, gates)) break;
                var nextId = stages.IdOf(next.Value);
                traversed.Add(nextId);
                system.Update(new Entity(Contract.LeadLifecycleProcess.LogicalName, instance.Id)
                {
                    [Contract.LeadLifecycleProcess.ActiveStageId] = new EntityReference(Contract.ProcessStage.LogicalName, nextId),
                    [Contract.LeadLifecycleProcess.TraversedPath] = JoinPath(traversed),
                    [Contract.LeadLifecycleProcess.ActiveStageStartedOn] = now,
                });
                entered.Add(next.Value);
                current = next.Value;
            }

            var tasks = new StageTasks(service);
            foreach (var stage in entered) tasks.CreateOnEntry(lead, stage);
            return entered;
        }

        /// <summary>The stage after <paramref name="current"/> on the instance's active path, as the platform computes it from
        /// the flow's branches and the lead as saved; null at the end of the path.</summary>
        private LeadStage? NextOnActivePath(Guid instanceId, ProcessStageIds stages, LeadStage current)
        {
            // RetrieveActivePathRequest / Response of Microsoft.Crm.Sdk.Proxy, by name: the assembly ships with the SDK only.
            var response = system.Execute(new OrganizationRequest(ActivePathMessage) { [ActivePathInstanceParameter] = instanceId });
            var path = ((EntityCollection)response[ActivePathStagesResult]).Entities.Select(stage => stages.StageOf(stage.Id)).ToList();
            var at = path.IndexOf(current);
            return at >= 0 && at + 1 < path.Count ? path[at + 1] : null;
        }

        /// <summary>The instance the platform did not apply (see the class summary): created as SYSTEM, at Inquiry.</summary>
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
            instance.Id = system.Create(instance);
            return instance;
        }

        private static List<Guid> SplitPath(string? path) =>
            (path ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(p => Guid.TryParse(p.Trim(), out var id) ? id : Guid.Empty)
                .Where(id => id != Guid.Empty).ToList();

        private static string JoinPath(IEnumerable<Guid> path) => string.Join(",", path.Select(id => id.ToString()));
    }
}
