using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>Contract: criteria go Live only when every condition's model is Live (and there is a condition).</summary>
    public static class CriteriaPublishCheck
    {
        public static void EnsurePublishable(IOrganizationService service, string criteriaName, IReadOnlyCollection<Guid> conditionModelIds)
        {
            if (conditionModelIds.Count == 0)
                throw new InvalidPluginExecutionException(
                    $"The qualification criteria '{criteriaName}' has no conditions: add at least one condition before setting it Live.");

            var query = new QueryExpression(Contract.ScoringModel.LogicalName) { ColumnSet = new ColumnSet(Contract.ScoringModel.Name, Contract.ScoringModel.Status) };
            query.Criteria.AddCondition(Contract.ScoringModel.Id, ConditionOperator.In, conditionModelIds.Distinct().Cast<object>().ToArray());
            var notLive = service.RetrieveMultiple(query).Entities
                .Where(m => m.GetAttributeValue<OptionSetValue>(Contract.ScoringModel.Status)?.Value != Contract.DefinitionStatus.Live)
                .Select(m => "'" + m.GetAttributeValue<string>(Contract.ScoringModel.Name) + "'")
                .ToList();
            if (notLive.Count > 0)
                throw new InvalidPluginExecutionException(
                    $"The qualification criteria '{criteriaName}' can't go Live: its conditions use the scoring model(s) {string.Join(", ", notLive)}, " +
                    "which are not Live. Set those models Live first.");
        }
    }
}
