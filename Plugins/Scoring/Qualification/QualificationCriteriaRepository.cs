using System;
using System.Collections.Generic;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>Loads criteria with their conditions in one query.</summary>
    public static class QualificationCriteriaRepository
    {
        private const string ConditionAlias = "cond";

        public static IReadOnlyList<QualificationCriteria> LoadLive(IOrganizationService service) =>
            Load(service, q => q.Criteria.AddCondition(Contract.QualificationCriteria.Status, ConditionOperator.Equal, Contract.DefinitionStatus.Live));

        public static QualificationCriteria? LoadOne(IOrganizationService service, Guid criteriaId)
        {
            var found = Load(service, q => q.Criteria.AddCondition(Contract.QualificationCriteria.Id, ConditionOperator.Equal, criteriaId));
            return found.Count == 0 ? null : found[0];
        }

        private static IReadOnlyList<QualificationCriteria> Load(IOrganizationService service, Action<QueryExpression> filter)
        {
            var query = new QueryExpression(Contract.QualificationCriteria.LogicalName) { ColumnSet = new ColumnSet(QualificationCriteria.Columns) };
            filter(query);
            var conditions = query.AddLink(Contract.QualificationCondition.LogicalName, Contract.QualificationCriteria.Id,
                Contract.QualificationCondition.CriteriaId, JoinOperator.LeftOuter);
            conditions.EntityAlias = ConditionAlias;
            conditions.Columns = new ColumnSet(Contract.QualificationCondition.ModelId, Contract.QualificationCondition.MinimumScore);

            return ParentChildRows.Group(QueryPages.All(service, query), QualificationCriteria.FromEntity, (criteria, row) =>
            {
                var model = EntityValues.Get<EntityReference>(row, ConditionAlias + "." + Contract.QualificationCondition.ModelId);
                if (model == null) return;
                var minimum = EntityValues.Get<int?>(row, ConditionAlias + "." + Contract.QualificationCondition.MinimumScore) ?? 0;
                criteria.Conditions.Add(new QualificationCondition(model.Id, minimum));
            });
        }
    }
}
