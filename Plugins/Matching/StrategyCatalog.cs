using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Chooses the matching strategy that applies: the one a marketing form names when it is active, else the
    /// active default of that target table (the most recently modified if several are marked default), else the
    /// built-in fallback. Only active strategy rows count.
    /// </summary>
    public sealed class StrategyCatalog
    {
        private const string FormAlias = "form";
        private static readonly string[] Columns =
        {
            MatchingSchema.Strategy.Name, MatchingSchema.Strategy.Attributes,
            MatchingSchema.Strategy.TargetEntity, MatchingSchema.Strategy.IsDefault,
        };

        private readonly IReadOnlyList<Entity> activeStrategies;

        private StrategyCatalog(IReadOnlyList<Entity> activeStrategies)
        {
            this.activeStrategies = activeStrategies;
        }

        /// <summary>
        /// One query: the active contact strategies, each joined (left outer) to the active marketing form with
        /// the given form id that names it, so the form's choice and the default come back together.
        /// </summary>
        public static MatchingStrategy ContactStrategyForForm(IOrganizationService service, string? formId)
        {
            var query = ActiveStrategiesQuery(MatchingSchema.Strategy.TargetContact);
            if (!string.IsNullOrWhiteSpace(formId))
            {
                var form = query.AddLink(MatchingSchema.MarketingForm.Table, MatchingSchema.Strategy.Id,
                    MatchingSchema.MarketingForm.ContactStrategyId, JoinOperator.LeftOuter);
                form.EntityAlias = FormAlias;
                form.Columns = new ColumnSet(MatchingSchema.MarketingForm.FormId);
                form.LinkCriteria.AddCondition(MatchingSchema.MarketingForm.FormId, ConditionOperator.Equal, formId!.Trim());
                form.LinkCriteria.AddCondition(MatchingSchema.StateCode, ConditionOperator.Equal, MatchingSchema.Active);
            }
            var rows = service.RetrieveMultiple(query).Entities;
            var chosenByForm = rows.FirstOrDefault(r => r.Contains(FormAlias + "." + MatchingSchema.MarketingForm.FormId));
            return new StrategyCatalog(rows.ToList())
                .For(MatchingSchema.Strategy.TargetContact, chosenByForm?.Id);
        }

        /// <summary>One query: every active strategy (contact and lead), to choose from in memory.</summary>
        public static StrategyCatalog LoadActive(IOrganizationService service) =>
            new StrategyCatalog(service.RetrieveMultiple(ActiveStrategiesQuery(
                MatchingSchema.Strategy.TargetContact, MatchingSchema.Strategy.TargetLead)).Entities.ToList());

        /// <summary>The strategy for <paramref name="target"/>: the preferred row if it is active, else the default.</summary>
        public MatchingStrategy For(int target, Guid? preferredId)
        {
            var ofTarget = activeStrategies
                .Where(r => r.GetAttributeValue<OptionSetValue>(MatchingSchema.Strategy.TargetEntity)?.Value == target)
                .ToList();
            var chosen = ofTarget.FirstOrDefault(r => preferredId.HasValue && r.Id == preferredId.Value)
                ?? ofTarget.FirstOrDefault(r => r.GetAttributeValue<bool>(MatchingSchema.Strategy.IsDefault));
            if (chosen != null)
            {
                return MatchingStrategy.FromRow(chosen);
            }
            return target == MatchingSchema.Strategy.TargetContact
                ? MatchingStrategy.ContactFallback
                : MatchingStrategy.LeadFallback;
        }

        private static QueryExpression ActiveStrategiesQuery(params int[] targets)
        {
            var query = new QueryExpression(MatchingSchema.Strategy.Table) { ColumnSet = new ColumnSet(Columns) };
            query.Criteria.AddCondition(MatchingSchema.StateCode, ConditionOperator.Equal, MatchingSchema.Active);
            query.Criteria.AddCondition(MatchingSchema.Strategy.TargetEntity, ConditionOperator.In, targets.Cast<object>().ToArray());
            // Several rows marked default: the most recently modified wins.
            query.AddOrder(MatchingSchema.ModifiedOn, OrderType.Descending);
            return query;
        }
    }
}
