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
    public sealed class LeadProcessStages
    {
        private readonly Dictionary<LeadStage, Guid> idByStage;

        private LeadProcessStages(Guid processId, Dictionary<LeadStage, Guid> idByStage)
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

        /// <summary>The stage ids from rows of processstage of the shipped process (see <see cref="LeadProcessState"/>).</summary>
        public static LeadProcessStages From(IReadOnlyCollection<Entity> rows)
        {
            var ids = new Dictionary<LeadStage, Guid>();
            Guid processId = Guid.Empty;
            foreach (LeadStage stage in Enum.GetValues(typeof(LeadStage)))
            {
                var row = rows.FirstOrDefault(r => string.Equals(r.GetAttributeValue<string>(ProcessTables.StageName),
                    LeadStageNames.Of(stage), StringComparison.OrdinalIgnoreCase));
                if (row == null)
                {
                    throw new InvalidPluginExecutionException(
                        $"The business process flow '{LeadProcessTable.Name}' has no stage '{LeadStageNames.Of(stage)}'. " +
                        "Import the Lead Lifecycle solution again to restore its stages.");
                }
                ids[stage] = row.Id;
                processId = row.GetAttributeValue<EntityReference>(ProcessTables.StageProcessId)?.Id ?? processId;
            }
            return new LeadProcessStages(processId, ids);
        }
    }
}
