using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Gathers the facts of one contact or account with at most three TopCount=1 queries, whatever the number of
    /// leads and opportunities it has: the database does the searching, the plug-in never loops over rows. A record
    /// with no open or won opportunity (most records) costs two.
    /// </summary>
    public sealed class RelationshipFactsReader
    {
        public const int MaxQueriesPerRecord = 3;

        private readonly IOrganizationService service;

        public RelationshipFactsReader(IOrganizationService service)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
        }

        public RelationshipFacts Read(EntityReference record)
        {
            var openLead = First(OpenLeadQuery(record));
            // One query answers both opportunity questions when the record has no open and no won opportunity: open
            // rows sort first (the oldest one names the reason), won rows after them. Only a hit needs the latest win.
            var firstOpportunity = First(OpenOrWonQuery(record));
            var openOpportunity = IsOpen(firstOpportunity) ? firstOpportunity : null;
            var latestWin = firstOpportunity == null ? null : First(LatestWinQuery(record));

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

        /// <summary>Opportunities whose parent contact/account or customer is the record.</summary>
        private static QueryExpression OpportunityQuery(EntityReference record, params string[] columns)
        {
            var query = new QueryExpression(RelationshipColumns.Opportunity) { ColumnSet = new ColumnSet(columns) };
            var party = query.Criteria.AddFilter(LogicalOperator.Or);
            party.AddCondition(RelationshipColumns.ParentLookupFor(record.LogicalName), ConditionOperator.Equal, record.Id);
            party.AddCondition(RelationshipColumns.CustomerId, ConditionOperator.Equal, record.Id);
            return query;
        }

        /// <summary>The record's open opportunities, oldest first, then its won ones (those with a close date).</summary>
        private static QueryExpression OpenOrWonQuery(EntityReference record)
        {
            var query = OpportunityQuery(record, RelationshipColumns.OpportunityName, RelationshipColumns.StateCode);
            var state = query.Criteria.AddFilter(LogicalOperator.Or);
            state.AddCondition(RelationshipColumns.StateCode, ConditionOperator.Equal, OpportunityStates.Open);
            var won = state.AddFilter(LogicalOperator.And);
            won.AddCondition(RelationshipColumns.StateCode, ConditionOperator.Equal, OpportunityStates.Won);
            won.AddCondition(RelationshipColumns.ActualCloseDate, ConditionOperator.NotNull);
            query.AddOrder(RelationshipColumns.StateCode, OrderType.Ascending);
            query.AddOrder("createdon", OrderType.Ascending);
            return query;
        }

        private static QueryExpression LatestWinQuery(EntityReference record)
        {
            var query = OpportunityQuery(record, RelationshipColumns.OpportunityName, RelationshipColumns.ActualCloseDate);
            query.Criteria.AddCondition(RelationshipColumns.StateCode, ConditionOperator.Equal, OpportunityStates.Won);
            query.Criteria.AddCondition(RelationshipColumns.ActualCloseDate, ConditionOperator.NotNull);
            query.AddOrder(RelationshipColumns.ActualCloseDate, OrderType.Descending);
            return query;
        }

        private static bool IsOpen(Entity? opportunity) =>
            opportunity?.GetAttributeValue<OptionSetValue>(RelationshipColumns.StateCode)?.Value == OpportunityStates.Open;

        private static class LeadState
        {
            public const int Open = 0;
        }
    }
}
