using System;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Pre-validation of llc_scoringmodel and llc_scoringrule Create / Update / Delete: the edit lock on Live models,
    /// the checks a model passes to go Live, and the checks every rule passes when saved.
    /// Steps carry a pre-image named "PreImage" (model: status and definition columns; rule: every rule column).
    /// </summary>
    public sealed class ScoringDefinitionGuardPlugin : PluginBase
    {
        private static readonly LockedTable LockedModels =
            new LockedTable("scoring model", ScoringModel.Columns, Contract.ScoringModel.Status, Contract.ScoringModel.Id);

        public ScoringDefinitionGuardPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(ScoringDefinitionGuardPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            // SYSTEM: configuration reads (the stored model and its rules), whatever else the caller may read.
            var service = localPluginContext.SystemService;
            if (context.PrimaryEntityName == Contract.ScoringModel.LogicalName)
            {
                if (context.MessageName != "Create")
                    EditLock.RefuseUnlessCallerMayRead(localPluginContext.PluginUserService, Contract.ScoringModel.LogicalName, Contract.ScoringModel.Id, context.PrimaryEntityId);
                GuardModel(context, service);
            }
            else if (context.PrimaryEntityName == Contract.ScoringRule.LogicalName)
            {
                // A rule's messages name its model: the caller must be one who may read models.
                EditLock.RefuseUnlessCallerMayRead(localPluginContext.PluginUserService, Contract.ScoringModel.LogicalName, Contract.ScoringModel.Id, Guid.Empty);
                GuardRule(context, service);
            }
        }

        private static void GuardModel(IPluginExecutionContext context, IOrganizationService service)
        {
            var pre = context.GetPreEntity<Entity>();
            var target = context.GetTarget<Entity>();
            var before = pre == null ? (int?)null : ScoringModel.FromEntity(pre).Status;
            var after = ScoringModel.FromEntity(context.CoalesceTargetWithPreEntity());

            var save = new DefinitionSave(context.MessageName, pre, target, after.Name, StatusBefore: before, StatusAfter: after.Status);
            if (EditLock.GuardLiveDefinition(LockedModels, save))
            {
                return;
            }
            if (after.Status == Contract.DefinitionStatus.Live && context.MessageName != "Delete")
            {
                var withRules = context.MessageName == "Create" ? after : ScoringModelRepository.Load(service, new[] { context.PrimaryEntityId }).First();
                ScoringModelCheck.EnsurePublishable(ScoringModelWithDefinition(withRules, after));
            }
        }

        /// <summary>The stored rules under the definition values being saved (thresholds may change while publishing).</summary>
        private static ScoringModel ScoringModelWithDefinition(ScoringModel stored, ScoringModel saving)
        {
            saving.Rules.Clear();
            saving.Rules.AddRange(stored.Rules);
            return saving;
        }

        private static void GuardRule(IPluginExecutionContext context, IOrganizationService service)
        {
            var pre = context.GetPreEntity<Entity>();
            var target = context.GetTarget<Entity>();
            var rule = ScoringRule.FromEntity(context.CoalesceTargetWithPreEntity());

            var models = new[] { pre == null ? Guid.Empty : ScoringRule.FromEntity(pre).ModelId, rule.ModelId }
                .Where(id => id != Guid.Empty).Distinct();
            foreach (var modelId in models)
            {
                var model = service.Retrieve(Contract.ScoringModel.LogicalName, modelId, new ColumnSet(Contract.ScoringModel.Name, Contract.ScoringModel.Status));
                if (model.GetAttributeValue<OptionSetValue>(Contract.ScoringModel.Status)?.Value == Contract.DefinitionStatus.Live)
                    throw EditLock.LiveParent("rule", "scoring model", model.GetAttributeValue<string>(Contract.ScoringModel.Name) ?? "");
            }
            if (context.MessageName != "Delete") ScoringRuleCheck.EnsureValid(rule);
        }
    }
}
