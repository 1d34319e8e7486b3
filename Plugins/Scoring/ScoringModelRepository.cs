using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>Loads scoring models together with their rules: one query, whatever the number of models.</summary>
    public static class ScoringModelRepository
    {
        private const string RuleAlias = "rule";

        /// <summary>Every Live model: the only ones that score (contract).</summary>
        public static IReadOnlyList<ScoringModel> LoadLive(IOrganizationService service)
        {
            var query = ModelsWithRules();
            query.Criteria.AddCondition(Contract.ScoringModel.Status, ConditionOperator.Equal, Contract.DefinitionStatus.Live);
            return Read(service, query);
        }

        /// <summary>Models by id, whatever their status (what-if runs on Draft models).</summary>
        public static IReadOnlyList<ScoringModel> Load(IOrganizationService service, ICollection<Guid> modelIds)
        {
            if (modelIds.Count == 0) return Array.Empty<ScoringModel>();
            var query = ModelsWithRules();
            query.Criteria.AddCondition(Contract.ScoringModel.Id, ConditionOperator.In, modelIds.Cast<object>().ToArray());
            return Read(service, query);
        }

        private static QueryExpression ModelsWithRules()
        {
            var query = new QueryExpression(Contract.ScoringModel.LogicalName) { ColumnSet = new ColumnSet(ScoringModel.Columns) };
            var rules = query.AddLink(Contract.ScoringRule.LogicalName, Contract.ScoringModel.Id, Contract.ScoringRule.ModelId, JoinOperator.LeftOuter);
            rules.EntityAlias = RuleAlias;
            rules.Columns = new ColumnSet(ScoringRule.Columns);
            query.AddOrder(Contract.ScoringModel.Name, OrderType.Ascending);
            return query;
        }

        private static IReadOnlyList<ScoringModel> Read(IOrganizationService service, QueryExpression query) =>
            ParentChildRows.Group(QueryPages.All(service, query), row => ScoringModel.FromEntity(row), (model, row) =>
            {
                if (EntityValues.Raw(row, RuleAlias + "." + Contract.ScoringRule.Id) != null) model.Rules.Add(ScoringRule.FromEntity(row, RuleAlias));
            });
    }
}
