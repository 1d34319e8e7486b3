using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Gathers the facts of one contact or account with exactly three TopCount=1 queries, whatever the number of
    /// leads and opportunities it has: the database does the searching, the plug-in never loops over rows.
    /// </summary>
    public sealed class RelationshipFactsReader
    {
        public const int QueriesPerRecord = 3;

        private readonly IOrganizationService service;

        public RelationshipFactsReader(IOrganizationService service)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
        }

        public RelationshipFacts Read(EntityReference record)
        {
            var openLead = First(OpenLeadQuery(record));
            var openOpportunity = First(OpportunityQuery(record, OpportunityState.Open, RelationshipColumns.OpportunityName));
            var latestWin = First(LatestWinQuery(record));

            return new RelationshipFacts(
                openLead != null,
                openLead?.GetAttributeValue<string>(RelationshipColumns.LeadTopic),
                openOpportunity != null,
                openOpportunity?.GetAttributeValue<string>(RelationshipColumns.OpportunityName),
                latestWin?.GetAttributeValue<DateTime?>(RelationshipColumns.ActualCloseDate),
                latestWin?.GetAttributeValue<string>(RelationshipColumns.OpportunityName));
        }

        private Entity? First(QueryExpression query)
        {
            query.TopCount = 1;
            var rows = service.RetrieveMultiple(query).Entities;
            return rows.Count > 0 ? rows[0] : null;
        }

        /// <summary>Open leads whose parentcontactid (contact) or parentaccountid (account) is the record.</summary>
        private static QueryExpression OpenLeadQuery(EntityReference record)
        {
            var query = new QueryExpression(RelationshipColumns.Lead) { ColumnSet = new ColumnSet(RelationshipColumns.LeadTopic) };
            query.Criteria.AddCondition(RelationshipColumns.StateCode, ConditionOperator.Equal, LeadState.Open);
            query.Criteria.AddCondition(RelationshipColumns.ParentLookupFor(record.LogicalName), ConditionOperator.Equal, record.Id);
            // The oldest open lead names the reason, so adding or touching other leads does not rewrite it.
            query.AddOrder("createdon", OrderType.Ascending);
            return query;
        }

        /// <summary>Opportunities in a state whose parent contact/account or customer is the record.</summary>
        private static QueryExpression OpportunityQuery(EntityReference record, int state, params string[] columns)
        {
            var query = new QueryExpression(RelationshipColumns.Opportunity) { ColumnSet = new ColumnSet(columns) };
            query.Criteria.AddCondition(RelationshipColumns.StateCode, ConditionOperator.Equal, state);
            var party = query.Criteria.AddFilter(LogicalOperator.Or);
            party.AddCondition(RelationshipColumns.ParentLookupFor(record.LogicalName), ConditionOperator.Equal, record.Id);
            party.AddCondition(RelationshipColumns.CustomerId, ConditionOperator.Equal, record.Id);
            if (state == OpportunityState.Open) query.AddOrder("createdon", OrderType.Ascending);
            return query;
        }

        private static QueryExpression LatestWinQuery(EntityReference record)
        {
            var query = OpportunityQuery(record, OpportunityState.Won, RelationshipColumns.OpportunityName, RelationshipColumns.ActualCloseDate);
            query.Criteria.AddCondition(RelationshipColumns.ActualCloseDate, ConditionOperator.NotNull);
            query.AddOrder(RelationshipColumns.ActualCloseDate, OrderType.Descending);
            return query;
        }

        private static class LeadState
        {
            public const int Open = 0;
        }

        private static class OpportunityState
        {
            public const int Open = 0;
            public const int Won = 1;
        }
    }
}
