using System;
using System.Collections.Generic;
using System.Linq;
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
            LeadColumns.ParentContact, LeadColumns.ParentAccount, LeadColumns.State, LeadColumns.Status, LeadColumns.Rating,
            LeadColumns.Score, LeadColumns.ScoredOn, LeadColumns.RescoreOn, LeadColumns.SalesReady, LeadColumns.MarketingQualifiedOn,
        };

        private LeadFacts(Entity lead, Entity? contact, Entity? account)
        {
            Lead = lead; Contact = contact; Account = account;
        }

        public Entity Lead { get; }
        public Entity? Contact { get; }
        public Entity? Account { get; }
        public Guid LeadId => Lead.Id;
        public Guid? ParentContactId => EntityValues.Get<EntityReference>(Lead, LeadColumns.ParentContact)?.Id;
        public Guid? ParentAccountId => EntityValues.Get<EntityReference>(Lead, LeadColumns.ParentAccount)?.Id;
        public bool HasParent => ParentContactId.HasValue || ParentAccountId.HasValue;
        public bool IsOpen => (EntityValues.Get<OptionSetValue>(Lead, LeadColumns.State)?.Value ?? LeadColumns.StateOpen) == LeadColumns.StateOpen;

        /// <summary>The value a rule reads: from the lead, its parent contact or its parent account.</summary>
        public object? ValueFor(ScoringRule rule)
        {
            var row = rule.Table == "contact" ? Contact : rule.Table == "account" ? Account : Lead;
            return row == null || rule.Attribute == null ? null : EntityValues.Raw(row, rule.Attribute);
        }

        /// <summary>Retrieves the lead, and its parents only when a rule reads their columns (at most 3 calls).</summary>
        public static LeadFacts Load(IOrganizationService service, Guid leadId, IEnumerable<ScoringModel> models)
        {
            var rules = models.SelectMany(m => m.Rules).Where(r => r.IsAttributeRule && r.Attribute != null).ToList();
            var lead = service.Retrieve(LeadColumns.Table, leadId, new ColumnSet(BaseColumns.Concat(ColumnsOf(rules, "lead")).Distinct().ToArray()));
            var facts = new LeadFacts(lead, null, null);
            var contact = RetrieveParent(service, "contact", facts.ParentContactId, ColumnsOf(rules, "contact"));
            var account = RetrieveParent(service, "account", facts.ParentAccountId, ColumnsOf(rules, "account"));
            return new LeadFacts(lead, contact, account);
        }

        private static IReadOnlyList<string> ColumnsOf(IEnumerable<ScoringRule> rules, string table) =>
            rules.Where(r => (r.Table ?? "lead") == table).Select(r => r.Attribute!).Distinct().ToList();

        private static Entity? RetrieveParent(IOrganizationService service, string table, Guid? id, IReadOnlyList<string> columns) =>
            id.HasValue && columns.Count > 0 ? service.Retrieve(table, id.Value, new ColumnSet(columns.ToArray())) : null;
    }
}
