using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>Finds the open leads a change can re-score (ids only, paged).</summary>
    public static class OpenLeads
    {
        /// <summary>Open leads of a contact, plus — when given — every open lead of an account.</summary>
        public static IReadOnlyList<Guid> Of(IOrganizationService service, Guid? contactId, IEnumerable<Guid> accountIds)
        {
            var accounts = accountIds.Distinct().ToArray();
            if (!contactId.HasValue && accounts.Length == 0) return Array.Empty<Guid>();

            var query = Query();
            var parents = query.Criteria.AddFilter(LogicalOperator.Or);
            if (contactId.HasValue) parents.AddCondition(Contract.Lead.ParentContactId, ConditionOperator.Equal, contactId.Value);
            if (accounts.Length > 0) parents.AddCondition(Contract.Lead.ParentAccountId, ConditionOperator.In, accounts.Cast<object>().ToArray());
            return QueryPages.All(service, query).Select(r => r.Id).ToList();
        }

        /// <summary>Every open lead that has a parent contact or account: the leads a model publication re-scores.</summary>
        public static IEnumerable<Guid> WithParent(IOrganizationService service)
        {
            var query = Query();
            var parents = query.Criteria.AddFilter(LogicalOperator.Or);
            parents.AddCondition(Contract.Lead.ParentContactId, ConditionOperator.NotNull);
            parents.AddCondition(Contract.Lead.ParentAccountId, ConditionOperator.NotNull);
            return QueryPages.All(service, query).Select(r => r.Id);
        }

        private static QueryExpression Query()
        {
            var query = new QueryExpression(Contract.Lead.LogicalName) { ColumnSet = new ColumnSet(Contract.Lead.Id) };
            query.Criteria.AddCondition(Contract.Lead.StateCode, ConditionOperator.Equal, Contract.LeadState.Open);
            query.AddOrder(Contract.Lead.Id, OrderType.Ascending);
            return query;
        }
    }
}
