using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Rejects a matching strategy that could never work when it is saved, rather than when the first lead arrives:
    /// its columns must be logical names that exist on the target table, and for contact strategies on the lead
    /// too (the values are read from the lead or submission).
    /// </summary>
    public sealed class StrategyValidator
    {
        private readonly IOrganizationService service;

        public StrategyValidator(IOrganizationService service)
        {
            this.service = service;
        }

        /// <param name="target">The create/update target.</param>
        /// <param name="preImage">The saved row on Update (name, target table, columns), else null.</param>
        public void Validate(Entity target, Entity? preImage)
        {
            Func<string, object?> read = c => target.Contains(c) ? target[c] : preImage?.GetAttributeValue<object>(c);
            var name = read(Contract.MatchingStrategy.Name) as string ?? "(no name)";
            var targetTable = (read(Contract.MatchingStrategy.TargetEntity) as OptionSetValue)?.Value;
            if (targetTable != Contract.StrategyTarget.Contact && targetTable != Contract.StrategyTarget.Lead)
            {
                throw new InvalidPluginExecutionException(
                    $"Matching strategy '{name}' needs a Target Table: Contact or Lead.");
            }
            var strategy = new MatchingStrategy(target.Id, name,
                MatchingStrategy.ParseAttributes(name, read(Contract.MatchingStrategy.Attributes) as string));

            Probe(strategy, targetTable == Contract.StrategyTarget.Contact ? Contract.Contact.LogicalName : Contract.Lead.LogicalName);
            if (targetTable == Contract.StrategyTarget.Contact)
            {
                Probe(strategy, Contract.Lead.LogicalName);
            }

            var isDefault = read(Contract.MatchingStrategy.IsDefault) as bool? == true;
            var active = (read(Contract.Common.StateCode) as OptionSetValue)?.Value ?? Contract.Common.Active;
            if (isDefault && active == Contract.Common.Active)
            {
                RefuseSecondDefault(target.Id, name, targetTable.Value);
            }
        }

        /// <summary>
        /// One active default per table (issue #20 item 5): with two, which one applies would depend on which was saved
        /// last, and a lead could be linked through a strategy nobody meant as the default. The admin clears Is Default
        /// on the current default first (or deactivates it), then marks the new one.
        /// </summary>
        private void RefuseSecondDefault(System.Guid id, string name, int targetTable)
        {
            var query = new QueryExpression(Contract.MatchingStrategy.LogicalName)
            {
                ColumnSet = new ColumnSet(Contract.MatchingStrategy.Name),
                TopCount = 1,
            };
            query.Criteria.AddCondition(Contract.MatchingStrategy.TargetEntity, ConditionOperator.Equal, targetTable);
            query.Criteria.AddCondition(Contract.MatchingStrategy.IsDefault, ConditionOperator.Equal, true);
            query.Criteria.AddCondition(Contract.Common.StateCode, ConditionOperator.Equal, Contract.Common.Active);
            if (id != System.Guid.Empty)
            {
                query.Criteria.AddCondition(Contract.MatchingStrategy.Id, ConditionOperator.NotEqual, id);
            }
            var current = System.Linq.Enumerable.FirstOrDefault(service.RetrieveMultiple(query).Entities);
            if (current == null) return;
            var table = targetTable == Contract.StrategyTarget.Contact ? "contacts" : "leads";
            var currentName = current.GetAttributeValue<string>(Contract.MatchingStrategy.Name) ?? "(no name)";
            throw new InvalidPluginExecutionException(
                $"Matching strategy '{name}' cannot be the default for {table}: '{currentName}' already is, and a table has one default " +
                $"strategy. Clear Is Default ({Contract.MatchingStrategy.IsDefault}) on '{currentName}' or deactivate it first, or save '{name}' with Is Default = No " +
                "and choose it on the marketing forms that should use it.");
        }

        /// <summary>Asks the table for the strategy's columns (no rows needed): the platform rejects unknown columns.</summary>
        private void Probe(MatchingStrategy strategy, string table)
        {
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(System.Linq.Enumerable.ToArray(strategy.Attributes)), TopCount = 1 };
            try
            {
                service.RetrieveMultiple(query);
            }
            catch (Exception ex) when (!(ex is InvalidPluginExecutionException))
            {
                throw MatchQuery.StrategyColumnError(strategy, table, ex);
            }
        }
    }
}
