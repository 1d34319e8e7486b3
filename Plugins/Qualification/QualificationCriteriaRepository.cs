using System;
using System.Collections.Generic;
using LeadLifecycle.Plugins.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Qualification
{
    /// <summary>Loads criteria with their conditions in one query.</summary>
    public static class QualificationCriteriaRepository
    {
        private const string ConditionAlias = "cond";

        public static IReadOnlyList<QualificationCriteria> LoadLive(IOrganizationService service) =>
            Load(service, q => q.Criteria.AddCondition(QualificationCriteriaTable.Status, ConditionOperator.Equal, DefinitionStatus.Live));

        public static QualificationCriteria? LoadOne(IOrganizationService service, Guid criteriaId)
        {
            var found = Load(service, q => q.Criteria.AddCondition(QualificationCriteriaTable.Id, ConditionOperator.Equal, criteriaId));
            return found.Count == 0 ? null : found[0];
        }

        private static IReadOnlyList<QualificationCriteria> Load(IOrganizationService service, Action<QueryExpression> filter)
        {
            var query = new QueryExpression(QualificationCriteriaTable.Name) { ColumnSet = new ColumnSet(QualificationCriteriaTable.Columns) };
            filter(query);
            var conditions = query.AddLink(QualificationConditionTable.Name, QualificationCriteriaTable.Id,
                QualificationConditionTable.CriteriaId, JoinOperator.LeftOuter);
            conditions.EntityAlias = ConditionAlias;
            conditions.Columns = new ColumnSet(QualificationConditionTable.ModelId, QualificationConditionTable.MinimumScore);

            return ParentChildRows.Group(QueryPages.All(service, query), QualificationCriteria.FromEntity, (criteria, row) =>
            {
                var model = EntityValues.Get<EntityReference>(row, ConditionAlias + "." + QualificationConditionTable.ModelId);
                if (model == null) return;
                var minimum = EntityValues.Get<int?>(row, ConditionAlias + "." + QualificationConditionTable.MinimumScore) ?? 0;
                criteria.Conditions.Add(new QualificationCondition(model.Id, minimum));
            });
        }
    }
}
