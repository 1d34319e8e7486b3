using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring.WhatIf
{
    /// <summary>
    /// Main operation of the custom API llc_ScoringWhatIf (unbound function). Inputs: ModelId and/or CriteriaId
    /// (EntityReference, at least one). Outputs (Integer): LeadsEvaluated, HotCount, WarmCount, ColdCount,
    /// SalesReadyCount (the model's), QualifiedCount (the criteria's). Writes nothing.
    /// </summary>
    public sealed class ScoringWhatIfApi : PluginBase
    {
        public const string Name = "llc_ScoringWhatIf";

        public ScoringWhatIfApi() : base(typeof(ScoringWhatIfApi)) { }

        public ScoringWhatIfApi(string unsecureConfiguration, string secureConfiguration) : this() { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var modelId = IdOf(context, "ModelId", ScoringModelTable.Name);
            var criteriaId = IdOf(context, "CriteriaId", Qualification.QualificationCriteriaTable.Name);
            if (!modelId.HasValue && !criteriaId.HasValue)
                throw new InvalidPluginExecutionException("Give a scoring model (ModelId) and/or qualification criteria (CriteriaId) to try out.");

            var result = new WhatIfCalculator(localPluginContext.PluginUserService, PipelineClock.Now(context)).Run(modelId, criteriaId);
            var output = context.OutputParameters;
            output["LeadsEvaluated"] = result.LeadsEvaluated;
            output["HotCount"] = result.HotCount;
            output["WarmCount"] = result.WarmCount;
            output["ColdCount"] = result.ColdCount;
            output["SalesReadyCount"] = result.SalesReadyCount;
            output["QualifiedCount"] = result.QualifiedCount;
            localPluginContext.Trace($"What-if over {result.LeadsEvaluated} open leads.");
        }

        private static Guid? IdOf(IPluginExecutionContext context, string parameter, string table)
        {
            if (!context.InputParameters.TryGetValue(parameter, out var value) || value == null) return null;
            if (value is EntityReference reference && reference.LogicalName == table && reference.Id != Guid.Empty) return reference.Id;
            throw new InvalidPluginExecutionException($"{parameter} must be a reference to a {table} row.");
        }
    }
}
