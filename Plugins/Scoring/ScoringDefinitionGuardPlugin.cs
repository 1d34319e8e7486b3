using System;
using System.Linq;
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
        public ScoringDefinitionGuardPlugin() : base(typeof(ScoringDefinitionGuardPlugin)) { }

        public ScoringDefinitionGuardPlugin(string unsecureConfiguration, string secureConfiguration) : this() { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var service = localPluginContext.PluginUserService;
            if (context.PrimaryEntityName == ScoringModelTable.Name) GuardModel(context, service);
            else if (context.PrimaryEntityName == ScoringRuleTable.Name) GuardRule(context, service);
        }

        private static void GuardModel(IPluginExecutionContext context, IOrganizationService service)
        {
            var pre = ImageMerge.PreImage(context);
            var target = ImageMerge.Target(context);
            var before = pre == null ? (int?)null : ScoringModel.FromEntity(pre).Status;
            var after = ScoringModel.FromEntity(ImageMerge.After(pre, target, ScoringModelTable.Name));

            if (EditLock.GuardLiveDefinition(context.MessageName, "scoring model", after.Name, before, after.Status, pre, target,
                    ScoringModel.Columns, ScoringModelTable.Status, ScoringModelTable.Id))
            {
                return;
            }
            if (after.Status == DefinitionStatus.Live && context.MessageName != "Delete")
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
            var pre = ImageMerge.PreImage(context);
            var target = ImageMerge.Target(context);
            var rule = ScoringRule.FromEntity(ImageMerge.After(pre, target, ScoringRuleTable.Name));

            var models = new[] { pre == null ? Guid.Empty : ScoringRule.FromEntity(pre).ModelId, rule.ModelId }
                .Where(id => id != Guid.Empty).Distinct();
            foreach (var modelId in models)
            {
                var model = service.Retrieve(ScoringModelTable.Name, modelId, new ColumnSet(ScoringModelTable.DisplayName, ScoringModelTable.Status));
                if (model.GetAttributeValue<OptionSetValue>(ScoringModelTable.Status)?.Value == DefinitionStatus.Live)
                    throw EditLock.LiveParent("rule", "scoring model", model.GetAttributeValue<string>(ScoringModelTable.DisplayName) ?? "");
            }
            if (context.MessageName != "Delete") ScoringRuleCheck.EnsureValid(rule);
        }
    }
}
