using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// The one query a match costs: active rows of a table whose strategy columns all equal the key's values,
    /// most recently modified first, only the columns the caller needs. Values travel as query parameters,
    /// never as text spliced into FetchXML.
    /// </summary>
    public static class MatchQuery
    {
        public static QueryExpression Build(string table, MatchKey key, params string[] columns)
        {
            if (!key.IsComplete)
            {
                throw new InvalidOperationException("A match needs a value for every strategy column.");
            }
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns), TopCount = 1 };
            query.Criteria.AddCondition(Contract.Common.StateCode, ConditionOperator.Equal, Contract.Common.Active);
            foreach (var condition in key.Conditions)
            {
                query.Criteria.AddCondition(condition.Key, ConditionOperator.Equal, condition.Value);
            }
            query.AddOrder(Contract.Common.ModifiedOn, OrderType.Descending);
            return query;
        }

        /// <summary>Runs a match query; a strategy naming a column the table lacks becomes an actionable error.</summary>
        public static Entity? FirstOrNull(IOrganizationService service, QueryExpression query, MatchingStrategy strategy)
        {
            try
            {
                var rows = service.RetrieveMultiple(query).Entities;
                return rows.Count == 0 ? null : rows[0];
            }
            catch (Exception ex) when (!(ex is InvalidPluginExecutionException))
            {
                throw StrategyColumnError(strategy, query.EntityName, ex);
            }
        }

        public static InvalidPluginExecutionException StrategyColumnError(MatchingStrategy strategy, string table, Exception cause) =>
            new InvalidPluginExecutionException(
                $"Matching strategy '{strategy.Name}' cannot be applied to the {table} table: {cause.Message} " +
                $"Check that every column in its Attributes ({string.Join(", ", strategy.Attributes)}) exists on {table}.",
                cause);
    }
}
