using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Main operation of the three recalculation custom APIs. A custom API is bound to at most one table, so the
    /// bound forms are two APIs (RelationshipTypeApi names them); the unbound llc_RecalculateRelationshipType takes
    /// up to 1,000 ids for tools, migrations and the review workflow.
    /// </summary>
    public sealed class RecalculateRelationshipTypeApi : PluginBase
    {
        public RecalculateRelationshipTypeApi(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(RecalculateRelationshipTypeApi))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var service = localPluginContext.SystemService;
            var input = context.InputParameters;
            var output = context.OutputParameters;

            var target = context.GetTarget<EntityReference>();
            if (target != null)
            {
                var outcome = RelationshipTypeStep.UpdateAndTrace(localPluginContext, service, new[] { target }).FirstOrDefault();
                if (outcome == null)
                {
                    throw new InvalidPluginExecutionException("The " + target.LogicalName + " " + target.Id + " does not exist, so its relationship type cannot be recalculated.");
                }
                output[Contract.RecalculateRelationshipType.RelationshipType] = new OptionSetValue(outcome.Evaluation.Type);
                output[Contract.RecalculateRelationshipType.Reason] = outcome.Evaluation.Reason;
                output[Contract.RecalculateRelationshipType.Changed] = outcome.Changed;
                return;
            }

            var records = Ids(input, Contract.RecalculateRelationshipType.ContactIds, Contract.Contact.LogicalName)
                .Concat(Ids(input, Contract.RecalculateRelationshipType.AccountIds, Contract.Account.LogicalName))
                .ToList();
            if (records.Count == 0)
            {
                throw new InvalidPluginExecutionException("Give the ids of the contacts (ContactIds) and/or accounts (AccountIds) to recalculate.");
            }
            var outcomes = RelationshipTypeStep.UpdateAndTrace(localPluginContext, service, AffectedRecords.Distinct(records));
            output[Contract.RecalculateRelationshipType.EvaluatedCount] = outcomes.Count;
            output[Contract.RecalculateRelationshipType.ChangedCount] = outcomes.Count(o => o.Changed);
        }

        private static IEnumerable<EntityReference> Ids(ParameterCollection input, string parameter, string table)
        {
            if (!input.Contains(parameter) || input[parameter] == null) return Enumerable.Empty<EntityReference>();
            var texts = input[parameter] as string[] ?? throw new InvalidPluginExecutionException(parameter + " must be a list of record ids.");
            return texts.Select(text => new EntityReference(table, ParseId(parameter, text))).ToList();
        }

        private static Guid ParseId(string parameter, string text)
        {
            if (Guid.TryParse(text?.Trim(), out Guid id) && id != Guid.Empty) return id;
            throw new InvalidPluginExecutionException("'" + text + "' in " + parameter + " is not a record id (a GUID such as 00000000-0000-0000-0000-000000000001).");
        }
    }
}
