using System;
using LeadLifecycle.Plugins.Data;
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
        public ScoringWhatIfApi(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScoringWhatIfApi))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var modelId = IdOf(context, Contract.ScoringWhatIf.ModelId, Contract.ScoringModel.LogicalName);
            var criteriaId = IdOf(context, Contract.ScoringWhatIf.CriteriaId, Contract.QualificationCriteria.LogicalName);
            if (!modelId.HasValue && !criteriaId.HasValue)
                throw new InvalidPluginExecutionException("Give a scoring model (ModelId) and/or qualification criteria (CriteriaId) to try out.");

            // SYSTEM: the API writes nothing and returns only counts over every open lead; who may ask is decided by its
            // executeprivilegename (prvWritellc_scoringmodel: those who maintain scoring models).
            var result = new WhatIfCalculator(localPluginContext.SystemService, PipelineClock.Now(context)).Run(modelId, criteriaId);
            var output = context.OutputParameters;
            output[Contract.ScoringWhatIf.LeadsEvaluated] = result.LeadsEvaluated;
            output[Contract.ScoringWhatIf.HotCount] = result.HotCount;
            output[Contract.ScoringWhatIf.WarmCount] = result.WarmCount;
            output[Contract.ScoringWhatIf.ColdCount] = result.ColdCount;
            output[Contract.ScoringWhatIf.SalesReadyCount] = result.SalesReadyCount;
            output[Contract.ScoringWhatIf.QualifiedCount] = result.QualifiedCount;
            localPluginContext.Trace($"What-if over {result.LeadsEvaluated} open leads.");
        }

        private static Guid? IdOf(IPluginExecutionContext context, string parameter, string table)
        {
            var value = context.GetInputParameter<object>(parameter);
            if (value == null) return null;
            if (value is EntityReference reference && reference.LogicalName == table && reference.Id != Guid.Empty) return reference.Id;
            throw new InvalidPluginExecutionException($"{parameter} must be a reference to a {table} row.");
        }
    }
}
