using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.ProcessFlow
{
    /// <summary>
    /// The stage ids of the shipped process, read from processstage by the contract's stage names — the ids are
    /// defined once, in the solution's process definition, never repeated in code.
    /// </summary>
    public sealed class ProcessStageIds
    {
        private readonly Dictionary<LeadStage, Guid> idByStage;

        private ProcessStageIds(Guid processId, Dictionary<LeadStage, Guid> idByStage)
        {
            ProcessId = processId;
            this.idByStage = idByStage;
        }

        public Guid ProcessId { get; }

        public Guid IdOf(LeadStage stage) => idByStage[stage];

        public LeadStage? StageOf(Guid? stageId)
        {
            foreach (var pair in idByStage) if (pair.Value == stageId) return pair.Key;
            return null;
        }

        /// <summary>The stage ids from rows of processstage of the shipped process (see <see cref="LeadProcessFlowLookup"/>).</summary>
        public static ProcessStageIds From(IReadOnlyCollection<Entity> rows)
        {
            var ids = new Dictionary<LeadStage, Guid>();
            Guid processId = Guid.Empty;
            foreach (LeadStage stage in Enum.GetValues(typeof(LeadStage)))
            {
                var row = rows.FirstOrDefault(r => string.Equals(r.GetAttributeValue<string>(Contract.ProcessStage.StageName),
                    stage.DisplayName(), StringComparison.OrdinalIgnoreCase));
                if (row == null)
                {
                    throw new InvalidPluginExecutionException(
                        $"The business process flow '{Contract.LeadLifecycleProcess.LogicalName}' has no stage '{stage.DisplayName()}'. " +
                        "Import the Lead Lifecycle solution again to restore its stages.");
                }
                ids[stage] = row.Id;
                processId = row.GetAttributeValue<EntityReference>(Contract.ProcessStage.ProcessId)?.Id ?? processId;
            }
            return new ProcessStageIds(processId, ids);
        }
    }
}
