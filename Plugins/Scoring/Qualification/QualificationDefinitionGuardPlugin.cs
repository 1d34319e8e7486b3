using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using LeadLifecycle.Plugins.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Qualification
{
    /// <summary>
    /// Pre-validation of llc_qualificationcriteria and llc_qualificationcondition Create / Update / Delete: the edit
    /// lock on Live criteria, and the check that criteria go Live only with conditions whose models are all Live.
    /// Steps carry a pre-image named "PreImage" (criteria: definition columns; condition: llc_criteriaid).
    /// <para>
    /// Qualification is a part of scoring (it acts on scores, and re-scoring applies it): its classes live in
    /// Scoring/Qualification under the Scoring namespace. This registered type keeps the namespace it was deployed
    /// with, LeadLifecycle.Plugins.Qualification: a plug-in type's full name is its identity in an installed solution.
    /// </para>
    /// </summary>
    public sealed class QualificationDefinitionGuardPlugin : PluginBase
    {
        private static readonly LockedTable LockedCriteria = new LockedTable(
            "qualification criteria", QualificationCriteria.Columns, Contract.QualificationCriteria.Status, Contract.QualificationCriteria.Id);

        public QualificationDefinitionGuardPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(QualificationDefinitionGuardPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            // SYSTEM: configuration reads (the stored criteria and models), whatever else the caller may read.
            var service = localPluginContext.SystemService;
            if (context.PrimaryEntityName == Contract.QualificationCriteria.LogicalName)
            {
                if (context.MessageName != "Create")
                    EditLock.RefuseUnlessCallerMayRead(localPluginContext.PluginUserService, Contract.QualificationCriteria.LogicalName, Contract.QualificationCriteria.Id, context.PrimaryEntityId);
                GuardCriteria(context, service);
            }
            else if (context.PrimaryEntityName == Contract.QualificationCondition.LogicalName)
            {
                // A condition's messages name its criteria: the caller must be one who may read criteria.
                EditLock.RefuseUnlessCallerMayRead(localPluginContext.PluginUserService, Contract.QualificationCriteria.LogicalName, Contract.QualificationCriteria.Id, Guid.Empty);
                GuardCondition(context, service);
            }
        }

        private static void GuardCriteria(IPluginExecutionContext context, IOrganizationService service)
        {
            var pre = context.GetPreEntity<Entity>();
            var target = context.GetTarget<Entity>();
            var before = pre == null ? (int?)null : QualificationCriteria.FromEntity(pre).Status;
            var after = QualificationCriteria.FromEntity(context.CoalesceTargetWithPreEntity());

            var save = new DefinitionSave(context.MessageName, pre, target, after.Name, StatusBefore: before, StatusAfter: after.Status);
            if (EditLock.GuardLiveDefinition(LockedCriteria, save))
            {
                return;
            }
            if (after.Status == Contract.DefinitionStatus.Live && context.MessageName != "Delete")
            {
                var stored = context.MessageName == "Create" ? null : QualificationCriteriaRepository.LoadOne(service, context.PrimaryEntityId);
                CriteriaPublishCheck.EnsurePublishable(service, after.Name, stored?.Conditions.Select(c => c.ModelId).ToList() ?? new List<Guid>());
            }
        }

        private static void GuardCondition(IPluginExecutionContext context, IOrganizationService service)
        {
            var pre = context.GetPreEntity<Entity>();
            var after = context.CoalesceTargetWithPreEntity();
            var criteriaIds = new[] { pre, after }
                .Select(row => row == null ? null : EntityValues.Get<EntityReference>(row, Contract.QualificationCondition.CriteriaId))
                .Where(r => r != null).Select(r => r!.Id).Distinct();
            foreach (var id in criteriaIds)
            {
                var criteria = service.Retrieve(Contract.QualificationCriteria.LogicalName, id,
                    new ColumnSet(Contract.QualificationCriteria.Name, Contract.QualificationCriteria.Status));
                if (criteria.GetAttributeValue<OptionSetValue>(Contract.QualificationCriteria.Status)?.Value == Contract.DefinitionStatus.Live)
                    throw EditLock.LiveParent("condition", "qualification criteria", criteria.GetAttributeValue<string>(Contract.QualificationCriteria.Name) ?? "");
            }
            if (context.MessageName == "Delete") return;
            if (EntityValues.Get<EntityReference>(after, Contract.QualificationCondition.CriteriaId) == null)
                throw new InvalidPluginExecutionException("Choose the qualification criteria this condition belongs to (Criteria).");
            if (EntityValues.Get<EntityReference>(after, Contract.QualificationCondition.ModelId) == null)
                throw new InvalidPluginExecutionException("Choose the scoring model whose score this condition tests (Model).");
            if (EntityValues.Get<int?>(after, Contract.QualificationCondition.MinimumScore) == null)
                throw new InvalidPluginExecutionException("Set the Minimum Score the lead needs in the model for this condition to hold.");
        }
    }
}
