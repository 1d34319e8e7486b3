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
            Contract.MatchingStrategy.Name, Contract.MatchingStrategy.Attributes,
            Contract.MatchingStrategy.TargetEntity, Contract.MatchingStrategy.IsDefault,
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
            var query = ActiveStrategiesQuery(Contract.StrategyTarget.Contact);
            if (!string.IsNullOrWhiteSpace(formId))
            {
                var form = query.AddLink(Contract.MarketingForm.LogicalName, Contract.MatchingStrategy.Id,
                    Contract.MarketingForm.ContactStrategyId, JoinOperator.LeftOuter);
                form.EntityAlias = FormAlias;
                form.Columns = new ColumnSet(Contract.MarketingForm.FormId);
                form.LinkCriteria.AddCondition(Contract.MarketingForm.FormId, ConditionOperator.Equal, formId!.Trim());
                form.LinkCriteria.AddCondition(Contract.Common.StateCode, ConditionOperator.Equal, Contract.Common.Active);
            }
            var rows = service.RetrieveMultiple(query).Entities;
            var chosenByForm = rows.FirstOrDefault(r => r.Contains(FormAlias + "." + Contract.MarketingForm.FormId));
            return new StrategyCatalog(rows.ToList())
                .For(Contract.StrategyTarget.Contact, chosenByForm?.Id);
        }

        /// <summary>One query: every active strategy (contact and lead), to choose from in memory.</summary>
        public static StrategyCatalog LoadActive(IOrganizationService service) =>
            new StrategyCatalog(service.RetrieveMultiple(ActiveStrategiesQuery(
                Contract.StrategyTarget.Contact, Contract.StrategyTarget.Lead)).Entities.ToList());

        /// <summary>The strategy for <paramref name="target"/>: the preferred row if it is active, else the default.</summary>
        public MatchingStrategy For(int target, Guid? preferredId)
        {
            var ofTarget = activeStrategies
                .Where(r => r.GetAttributeValue<OptionSetValue>(Contract.MatchingStrategy.TargetEntity)?.Value == target)
                .ToList();
            var chosen = ofTarget.FirstOrDefault(r => preferredId.HasValue && r.Id == preferredId.Value)
                ?? ofTarget.FirstOrDefault(r => r.GetAttributeValue<bool>(Contract.MatchingStrategy.IsDefault));
            if (chosen != null)
            {
                return MatchingStrategy.FromRow(chosen);
            }
            return target == Contract.StrategyTarget.Contact
                ? MatchingStrategy.ContactFallback
                : MatchingStrategy.LeadFallback;
        }

        private static QueryExpression ActiveStrategiesQuery(params int[] targets)
        {
            var query = new QueryExpression(Contract.MatchingStrategy.LogicalName) { ColumnSet = new ColumnSet(Columns) };
            query.Criteria.AddCondition(Contract.Common.StateCode, ConditionOperator.Equal, Contract.Common.Active);
            query.Criteria.AddCondition(Contract.MatchingStrategy.TargetEntity, ConditionOperator.In, targets.Cast<object>().ToArray());
            // Several rows marked default: the most recently modified wins.
            query.AddOrder(Contract.Common.ModifiedOn, OrderType.Descending);
            return query;
        }
    }
}
