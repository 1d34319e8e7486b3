using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Scoring;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Qualification
{
    /// <summary>Contract: criteria go Live only when every condition's model is Live (and there is a condition).</summary>
    public static class CriteriaPublishCheck
    {
        public static void EnsurePublishable(IOrganizationService service, string criteriaName, IReadOnlyCollection<Guid> conditionModelIds)
        {
            if (conditionModelIds.Count == 0)
                throw new InvalidPluginExecutionException(
                    $"The qualification criteria '{criteriaName}' has no conditions: add at least one condition before setting it Live.");

            var query = new QueryExpression(ScoringModelTable.Name) { ColumnSet = new ColumnSet(ScoringModelTable.DisplayName, ScoringModelTable.Status) };
            query.Criteria.AddCondition(ScoringModelTable.Id, ConditionOperator.In, conditionModelIds.Distinct().Cast<object>().ToArray());
            var notLive = service.RetrieveMultiple(query).Entities
                .Where(m => m.GetAttributeValue<OptionSetValue>(ScoringModelTable.Status)?.Value != DefinitionStatus.Live)
                .Select(m => "'" + m.GetAttributeValue<string>(ScoringModelTable.DisplayName) + "'")
                .ToList();
            if (notLive.Count > 0)
                throw new InvalidPluginExecutionException(
                    $"The qualification criteria '{criteriaName}' can't go Live: its conditions use the scoring model(s) {string.Join(", ", notLive)}, " +
                    "which are not Live. Set those models Live first.");
        }
    }
}
