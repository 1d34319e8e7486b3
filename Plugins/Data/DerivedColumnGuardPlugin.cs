using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>
    /// Refuses a derived column typed by hand (issue #20 item 3). The contract derives a lead's score, rating and the
    /// dates that go with them from the live scoring models and criteria, and a contact's or account's relationship
    /// type and its reason from its leads and opportunities: a value typed by a user or an integration would stay
    /// wrong until some unrelated event re-evaluated the record, and reports would trust it meanwhile.
    /// <para>
    /// Registered synchronous on lead, contact and account Update at pre-validation (stage 10: refused before the transaction,
    /// filtered on the guarded columns), and on lead Create at pre-operation (stage 20, after the platform's privilege check). It acts only on a request made by a client (<c>Depth</c> 1): the product's own
    /// writes of these columns run inside its plug-ins, custom APIs and workflows (Depth 2 and more). An Update that types
    /// a guarded column is refused, naming it; one that sends the value already saved (an integration writing back the
    /// whole record) goes through. On a lead Create the typed values are dropped and recomputed in the same operation by
    /// scoring, as a new contact's or account's relationship type is by NewPartyRelationshipTypePlugin (so an import
    /// carrying an old system's score is not refused, and gets the live models' score). Gates that people set as decisions (llc_salesready in
    /// teleprospecting, the Marketing Qualified status reason) are not derived-only and are not guarded here; a form
    /// submission may set none of them (FormSubmissionIntake's allow-list).
    /// </para>
    /// </summary>
    public sealed class DerivedColumnGuardPlugin : PluginBase
    {
        public DerivedColumnGuardPlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(DerivedColumnGuardPlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            if (context.Depth > 1) return;
            var target = context.GetTarget<Entity>();
            if (target == null) return;
            var typed = DerivedColumns.Of(target.LogicalName).Where(c => target.Contains(c.Column)).ToList();
            if (typed.Count == 0) return;

            if (context.MessageName == "Create")
            {
                // Recomputed, as a new contact's or account's relationship type is: the lead's scoring runs in this same
                // operation and writes what the live models give (an import carrying an old system's score gets ours).
                foreach (var column in typed) target.Attributes.Remove(column.Column);
                localPluginContext.Trace($"Derived columns given on create left to the product: {string.Join(", ", typed.Select(c => c.Column))}.");
                return;
            }
            var saved = localPluginContext.SystemService.Retrieve(target.LogicalName, target.Id,
                new ColumnSet(typed.Select(c => c.Column).ToArray()));
            var changed = typed.Where(c => !EntityValues.SameValue(target[c.Column], saved.GetAttributeValue<object>(c.Column))).ToList();
            if (changed.Count == 0) return;
            throw new InvalidPluginExecutionException(DerivedColumns.Refusal(target.LogicalName, changed));
        }
    }

    /// <summary>The columns the product derives, per table, and how to change what they show instead.</summary>
    public static class DerivedColumns
    {
        public sealed class Derived
        {
            public Derived(string column, string label, string derivedFrom)
            {
                Column = column;
                Label = label;
                DerivedFrom = derivedFrom;
            }

            public string Column { get; }
            public string Label { get; }
            public string DerivedFrom { get; }
        }

        private const string FromScoring = "calculated from the live scoring models";
        private const string FromQualification = "stamped by the live qualification criteria";
        private const string FromRelationship = "derived from the record's open leads, open opportunities and won business";

        public static readonly IReadOnlyList<Derived> Lead = new[]
        {
            new Derived(Contract.Lead.Score, "Score", FromScoring),
            new Derived(Contract.Lead.LeadQualityCode, "Rating", FromScoring),
            new Derived(Contract.Lead.ScoredOn, "Scored On", FromScoring),
            new Derived(Contract.Lead.MarketingQualifiedOn, "Marketing Qualified On", FromQualification),
        };

        public static readonly IReadOnlyList<Derived> Party = new[]
        {
            new Derived(Contract.Contact.CustomerTypeCode, "Relationship Type", FromRelationship),
            new Derived(Contract.Contact.RelationshipTypeReason, "Relationship Type Reason", FromRelationship),
            new Derived(Contract.Contact.RelationshipTypeChangedOn, "Relationship Type Changed On", FromRelationship),
        };

        public static IReadOnlyList<Derived> Of(string table) =>
            table == Contract.Lead.LogicalName ? Lead
            : table == Contract.Contact.LogicalName || table == Contract.Account.LogicalName ? Party
            : (IReadOnlyList<Derived>)Array.Empty<Derived>();

        public static string Refusal(string table, IReadOnlyList<Derived> columns)
        {
            var named = string.Join(", ", columns.Select(c => $"{c.Label} ({c.Column})"));
            var first = columns[0];
            var how = table == Contract.Lead.LogicalName
                ? "To change a lead's score, change its interactions or the scoring rules (Draft or Stopped models): the lead is re-scored at once."
                : $"To re-evaluate it now, run {(table == Contract.Account.LogicalName ? Contract.RecalculateRelationshipType.AccountMessageName : Contract.RecalculateRelationshipType.ContactMessageName)} on the {table}; " +
                  "to record a kind of relationship that is not a stage (Partner, Competitor, …), use Relationship Roles (" + Contract.Contact.RelationshipRoles + ").";
            return $"{named} {(columns.Count == 1 ? "is" : "are")} {first.DerivedFrom} by Lead Lifecycle and cannot be set by hand on a {table}. " +
                   $"Remove {(columns.Count == 1 ? "it" : "them")} from the request. {how}";
        }
    }
}
