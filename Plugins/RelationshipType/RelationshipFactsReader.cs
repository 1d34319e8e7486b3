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
                openLead?.GetAttributeValue<string>(Contract.Lead.Subject),
                openOpportunity != null,
                openOpportunity?.GetAttributeValue<string>(Contract.Opportunity.Name),
                latestWin?.GetAttributeValue<DateTime?>(Contract.Opportunity.ActualCloseDate),
                latestWin?.GetAttributeValue<string>(Contract.Opportunity.Name));
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
            var query = new QueryExpression(Contract.Lead.LogicalName) { ColumnSet = new ColumnSet(Contract.Lead.Subject) };
            query.Criteria.AddCondition(Contract.Lead.StateCode, ConditionOperator.Equal, Contract.LeadState.Open);
            query.Criteria.AddCondition(ParentLookupFor(record.LogicalName), ConditionOperator.Equal, record.Id);
            // The oldest open lead names the reason, so adding or touching other leads does not rewrite it.
            query.AddOrder(Contract.Common.CreatedOn, OrderType.Ascending);
            return query;
        }

        /// <summary>Opportunities whose parent contact/account or customer is the record.</summary>
        private static QueryExpression OpportunityQuery(EntityReference record, params string[] columns)
        {
            var query = new QueryExpression(Contract.Opportunity.LogicalName) { ColumnSet = new ColumnSet(columns) };
            var party = query.Criteria.AddFilter(LogicalOperator.Or);
            party.AddCondition(ParentLookupFor(record.LogicalName), ConditionOperator.Equal, record.Id);
            party.AddCondition(Contract.Opportunity.CustomerId, ConditionOperator.Equal, record.Id);
            return query;
        }

        /// <summary>The record's open opportunities, oldest first, then its won ones (those with a close date).</summary>
        private static QueryExpression OpenOrWonQuery(EntityReference record)
        {
            var query = OpportunityQuery(record, Contract.Opportunity.Name, Contract.Opportunity.StateCode);
            var state = query.Criteria.AddFilter(LogicalOperator.Or);
            state.AddCondition(Contract.Opportunity.StateCode, ConditionOperator.Equal, Contract.OpportunityState.Open);
            var won = state.AddFilter(LogicalOperator.And);
            won.AddCondition(Contract.Opportunity.StateCode, ConditionOperator.Equal, Contract.OpportunityState.Won);
            won.AddCondition(Contract.Opportunity.ActualCloseDate, ConditionOperator.NotNull);
            query.AddOrder(Contract.Opportunity.StateCode, OrderType.Ascending);
            query.AddOrder(Contract.Common.CreatedOn, OrderType.Ascending);
            return query;
        }

        private static QueryExpression LatestWinQuery(EntityReference record)
        {
            var query = OpportunityQuery(record, Contract.Opportunity.Name, Contract.Opportunity.ActualCloseDate);
            query.Criteria.AddCondition(Contract.Opportunity.StateCode, ConditionOperator.Equal, Contract.OpportunityState.Won);
            query.Criteria.AddCondition(Contract.Opportunity.ActualCloseDate, ConditionOperator.NotNull);
            query.AddOrder(Contract.Opportunity.ActualCloseDate, OrderType.Descending);
            return query;
        }

        private static bool IsOpen(Entity? opportunity) =>
            opportunity?.GetAttributeValue<OptionSetValue>(Contract.Opportunity.StateCode)?.Value == Contract.OpportunityState.Open;

        /// <summary>The lookup on lead and opportunity that names a record of this table as parent.</summary>
        private static string ParentLookupFor(string table) =>
            table == Contract.Account.LogicalName ? Contract.Lead.ParentAccountId : Contract.Lead.ParentContactId;
    }

    /// <summary>What exists around one contact or account: the inputs of the evaluation besides time and settings.</summary>
    /// <param name="HasOpenLead">At least one open lead (statecode 0) has this record as parent.</param>
    /// <param name="HasOpenOpportunity">At least one open opportunity names this record as parent or customer.</param>
    /// <param name="LatestWinClosedOn">Close date of the latest won opportunity naming this record; null when it never bought.</param>
    public sealed record RelationshipFacts(
        bool HasOpenLead,
        string? OpenLeadTopic,
        bool HasOpenOpportunity,
        string? OpenOpportunityName,
        DateTime? LatestWinClosedOn,
        string? LatestWinName)
    {
        public static readonly RelationshipFacts None = new RelationshipFacts(false, null, false, null, null, null);
    }
}
