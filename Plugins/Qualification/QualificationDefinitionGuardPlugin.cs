using System;
using System.Linq;
using LeadLifecycle.Plugins.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Qualification
{
    /// <summary>
    /// Pre-validation of llc_qualificationcriteria and llc_qualificationcondition Create / Update / Delete: the edit
    /// lock on Live criteria, and the check that criteria go Live only with conditions whose models are all Live.
    /// Steps carry a pre-image named "PreImage" (criteria: definition columns; condition: llc_criteriaid).
    /// </summary>
    public sealed class QualificationDefinitionGuardPlugin : PluginBase
    {
        public QualificationDefinitionGuardPlugin() : base(typeof(QualificationDefinitionGuardPlugin)) { }

        public QualificationDefinitionGuardPlugin(string unsecureConfiguration, string secureConfiguration) : this() { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var service = localPluginContext.PluginUserService;
            if (context.PrimaryEntityName == QualificationCriteriaTable.Name) GuardCriteria(context, service);
            else if (context.PrimaryEntityName == QualificationConditionTable.Name) GuardCondition(context, service);
        }

        private static void GuardCriteria(IPluginExecutionContext context, IOrganizationService service)
        {
            var pre = ImageMerge.PreImage(context);
            var target = ImageMerge.Target(context);
            var before = pre == null ? (int?)null : QualificationCriteria.FromEntity(pre).Status;
            var after = QualificationCriteria.FromEntity(ImageMerge.After(pre, target, QualificationCriteriaTable.Name));

            if (EditLock.GuardLiveDefinition(context.MessageName, "qualification criteria", after.Name, before, after.Status, pre, target,
                    QualificationCriteriaTable.Columns, QualificationCriteriaTable.Status, QualificationCriteriaTable.Id))
            {
                return;
            }
            if (after.Status == DefinitionStatus.Live && context.MessageName != "Delete")
            {
                var stored = context.MessageName == "Create" ? null : QualificationCriteriaRepository.LoadOne(service, context.PrimaryEntityId);
                CriteriaPublishCheck.EnsurePublishable(service, after.Name, stored?.Conditions.Select(c => c.ModelId).ToList() ?? new System.Collections.Generic.List<Guid>());
            }
        }

        private static void GuardCondition(IPluginExecutionContext context, IOrganizationService service)
        {
            var pre = ImageMerge.PreImage(context);
            var after = ImageMerge.After(pre, ImageMerge.Target(context), QualificationConditionTable.Name);
            var criteriaIds = new[] { pre, after }
                .Select(row => row == null ? null : EntityValues.Get<EntityReference>(row, QualificationConditionTable.CriteriaId))
                .Where(r => r != null).Select(r => r!.Id).Distinct();
            foreach (var id in criteriaIds)
            {
                var criteria = service.Retrieve(QualificationCriteriaTable.Name, id,
                    new ColumnSet(QualificationCriteriaTable.DisplayName, QualificationCriteriaTable.Status));
                if (criteria.GetAttributeValue<OptionSetValue>(QualificationCriteriaTable.Status)?.Value == DefinitionStatus.Live)
                    throw EditLock.LiveParent("condition", "qualification criteria", criteria.GetAttributeValue<string>(QualificationCriteriaTable.DisplayName) ?? "");
            }
            if (context.MessageName == "Delete") return;
            if (EntityValues.Get<EntityReference>(after, QualificationConditionTable.CriteriaId) == null)
                throw new InvalidPluginExecutionException("Choose the qualification criteria this condition belongs to (Criteria).");
            if (EntityValues.Get<EntityReference>(after, QualificationConditionTable.ModelId) == null)
                throw new InvalidPluginExecutionException("Choose the scoring model whose score this condition tests (Model).");
            if (EntityValues.Get<int?>(after, QualificationConditionTable.MinimumScore) == null)
                throw new InvalidPluginExecutionException("Set the Minimum Score the lead needs in the model for this condition to hold.");
        }
    }
}
