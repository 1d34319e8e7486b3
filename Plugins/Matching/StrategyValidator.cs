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
