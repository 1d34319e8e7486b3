using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>An llc_marketingform row, found by its form id (the alternate key).</summary>
    public sealed class MarketingForm
    {
        private MarketingForm(Entity row)
        {
            Id = row.Id;
            Name = row.GetAttributeValue<string>(Contract.MarketingForm.Name);
            ContactStrategyId = row.GetAttributeValue<EntityReference>(Contract.MarketingForm.ContactStrategyId)?.Id;
            LeadStrategyId = row.GetAttributeValue<EntityReference>(Contract.MarketingForm.LeadStrategyId)?.Id;
        }

        public Guid Id { get; }
        public string? Name { get; }
        public Guid? ContactStrategyId { get; }
        public Guid? LeadStrategyId { get; }

        /// <summary>The active form with this form id; an unknown or inactive one is an error the caller can fix.</summary>
        public static MarketingForm Find(IOrganizationService service, string formId)
        {
            var query = new QueryExpression(Contract.MarketingForm.LogicalName)
            {
                ColumnSet = new ColumnSet(Contract.MarketingForm.Name, Contract.Common.StateCode,
                    Contract.MarketingForm.ContactStrategyId, Contract.MarketingForm.LeadStrategyId),
                TopCount = 1,
            };
            query.Criteria.AddCondition(Contract.MarketingForm.FormId, ConditionOperator.Equal, formId);
            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                throw new InvalidPluginExecutionException(
                    $"No marketing form has the form id '{formId}'. Create the marketing form ({Contract.MarketingForm.LogicalName}) with this Form ID, or submit with the id of an existing form.");
            }
            if (rows[0].GetAttributeValue<OptionSetValue>(Contract.Common.StateCode)?.Value != Contract.Common.Active)
            {
                throw new InvalidPluginExecutionException(
                    $"The marketing form with form id '{formId}' is inactive. Activate it to accept submissions again.");
            }
            return new MarketingForm(rows[0]);
        }
    }
}
