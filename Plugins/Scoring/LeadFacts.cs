using System;
using System.Collections.Generic;
using System.Linq;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>What scoring knows of a lead: its row and, when rules read them, its parent contact's and account's.</summary>
    public sealed class LeadFacts
    {
        /// <summary>The lead columns scoring itself reads or writes, besides the ones rules read.</summary>
        public static readonly string[] BaseColumns =
        {
            Contract.Lead.ParentContactId, Contract.Lead.ParentAccountId, Contract.Lead.StateCode, Contract.Lead.StatusCode, Contract.Lead.LeadQualityCode,
            Contract.Lead.Score, Contract.Lead.ScoredOn, Contract.Lead.RescoreOn, Contract.Lead.SalesReady, Contract.Lead.MarketingQualifiedOn,
        };

        private LeadFacts(Entity lead, Entity? contact, Entity? account)
        {
            Lead = lead; Contact = contact; Account = account;
        }

        public Entity Lead { get; }
        public Entity? Contact { get; }
        public Entity? Account { get; }
        public Guid LeadId => Lead.Id;
        public Guid? ParentContactId => EntityValues.Get<EntityReference>(Lead, Contract.Lead.ParentContactId)?.Id;
        public Guid? ParentAccountId => EntityValues.Get<EntityReference>(Lead, Contract.Lead.ParentAccountId)?.Id;
        public bool HasParent => ParentContactId.HasValue || ParentAccountId.HasValue;

        /// <summary>
        /// Contract: only leads with a parent contact or account are scored; an account-scope model counts the interactions
        /// of every contact of the lead's parent account, so it scores only a lead that has one (issue #20 item 9: no
        /// falling back to the contact's interactions, which would make an account score out of one person).
        /// </summary>
        public bool IsScoredBy(ScoringModel model) => HasParent && (!model.IsAccountScope || ParentAccountId.HasValue);
        public bool IsOpen => (EntityValues.Get<OptionSetValue>(Lead, Contract.Lead.StateCode)?.Value ?? Contract.LeadState.Open) == Contract.LeadState.Open;

        /// <summary>The value a rule reads: from the lead, its parent contact or its parent account.</summary>
        public object? ValueFor(ScoringRule rule)
        {
            var row = rule.Table == Contract.Contact.LogicalName ? Contact : rule.Table == Contract.Account.LogicalName ? Account : Lead;
            return row == null || rule.Attribute == null ? null : EntityValues.Raw(row, rule.Attribute);
        }

        /// <summary>Retrieves the lead, and its parents only when a rule reads their columns (at most 3 calls).</summary>
        public static LeadFacts Load(IOrganizationService service, Guid leadId, IEnumerable<ScoringModel> models)
        {
            var rules = models.SelectMany(m => m.Rules).Where(r => r.IsAttributeRule && r.Attribute != null).ToList();
            var lead = service.Retrieve(Contract.Lead.LogicalName, leadId, new ColumnSet(BaseColumns.Concat(ColumnsOf(rules, Contract.Lead.LogicalName)).Distinct().ToArray()));
            var facts = new LeadFacts(lead, null, null);
            var contact = RetrieveParent(service, Contract.Contact.LogicalName, facts.ParentContactId, ColumnsOf(rules, Contract.Contact.LogicalName));
            var account = RetrieveParent(service, Contract.Account.LogicalName, facts.ParentAccountId, ColumnsOf(rules, Contract.Account.LogicalName));
            return new LeadFacts(lead, contact, account);
        }

        private static IReadOnlyList<string> ColumnsOf(IEnumerable<ScoringRule> rules, string table) =>
            rules.Where(r => (r.Table ?? Contract.Lead.LogicalName) == table).Select(r => r.Attribute!).Distinct().ToList();

        private static Entity? RetrieveParent(IOrganizationService service, string table, Guid? id, IReadOnlyList<string> columns) =>
            id.HasValue && columns.Count > 0 ? service.Retrieve(table, id.Value, new ColumnSet(columns.ToArray())) : null;
    }
}
