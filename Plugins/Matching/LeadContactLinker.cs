using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Links a lead without a parent contact to its contact, inside the lead's own Create or Update: by the
    /// contact strategy of the lead's marketing form (or the default), creating the contact when nobody matches.
    /// A lead with no complete set of strategy values stays unlinked; a linked lead is never re-linked.
    /// </summary>
    public sealed class LeadContactLinker
    {
        private readonly IOrganizationService reader;
        private readonly ContactMatcher matcher;
        private readonly Action<string> trace;

        public LeadContactLinker(IOrganizationService reader, IOrganizationService writer, DateTime now, Action<string> trace)
        {
            this.reader = reader;
            matcher = new ContactMatcher(reader, writer, now);
            this.trace = trace;
        }

        /// <summary>Lead Create (pre-operation): <paramref name="target"/> is the lead about to be saved.</summary>
        public void OnCreate(Entity target)
        {
            RefuseInvalidEmail(target);
            if (target.GetAttributeValue<EntityReference>(Contract.Lead.ParentContactId) is EntityReference parent)
            {
                trace("Lead already has a parent contact: no matching.");
                // A lead linked by matching (a form submission: llc_matchedby set) already has its contact's account.
                if (!target.Contains(Contract.Lead.MatchedBy))
                {
                    FillAccountFromContact(target, parent, target.GetAttributeValue<EntityReference>(Contract.Lead.ParentAccountId) != null);
                }
                return;
            }
            Func<string, object?> read = column => target.Contains(column) ? target[column] : null;
            Link(target, read, StrategyCatalog.ContactStrategyForForm(reader, read(Contract.Lead.MarketingFormId) as string));
        }

        /// <summary>
        /// Lead Update (pre-operation): matches again only when the lead is unlinked and the update changes a
        /// column of its contact strategy. <paramref name="preImage"/> holds the lead's person columns.
        /// </summary>
        public void OnUpdate(Entity target, Entity? preImage)
        {
            RefuseInvalidEmail(target);
            if (target.Contains(Contract.Lead.ParentContactId))
            {
                trace("Update sets the parent contact itself: no matching.");
                if (target.GetAttributeValue<EntityReference>(Contract.Lead.ParentContactId) is EntityReference parent)
                {
                    var hasAccount = target.Contains(Contract.Lead.ParentAccountId)
                        ? target.GetAttributeValue<EntityReference>(Contract.Lead.ParentAccountId) != null
                        : (preImage ?? Retrieve(target.Id, new[] { Contract.Lead.ParentAccountId })).GetAttributeValue<EntityReference>(Contract.Lead.ParentAccountId) != null;
                    FillAccountFromContact(target, parent, hasAccount);
                }
                return;
            }
            var before = preImage ?? Retrieve(target.Id, LeadToContactMapping.ImageColumns().ToArray());
            if (before.GetAttributeValue<EntityReference>(Contract.Lead.ParentContactId) != null)
            {
                trace("Lead is linked to a contact: never re-linked by matching.");
                return;
            }
            Func<string, object?> read = column => target.Contains(column) ? target[column] : before.GetAttributeValue<object>(column);
            var strategy = StrategyCatalog.ContactStrategyForForm(reader, read(Contract.Lead.MarketingFormId) as string);
            if (!strategy.Attributes.Any(target.Contains))
            {
                trace("Update changes no column of the contact strategy: no matching.");
                return;
            }
            // Strategy columns outside the registered image (a custom strategy) are read from the saved lead.
            var notCaptured = strategy.Attributes
                .Where(c => !target.Contains(c) && !LeadToContactMapping.ImageColumns().Contains(c))
                .ToArray();
            if (notCaptured.Length > 0)
            {
                var saved = Retrieve(target.Id, notCaptured);
                var readImage = read;
                read = column => notCaptured.Contains(column) ? saved.GetAttributeValue<object>(column) : readImage(column);
            }
            Link(target, read, strategy);
        }

        /// <summary>
        /// An email address being saved on a lead must be valid, linked or not: matching on a malformed address would
        /// create a contact no later lead or submission of the person could find, and leaving it would only defer the
        /// problem. The save is refused with the column to correct (as the lead form does for an Email column) and,
        /// the step being synchronous, nothing of the lead or a contact is written. Values already saved are not
        /// re-checked: an update that does not touch an email column goes through.
        /// </summary>
        private static void RefuseInvalidEmail(Entity target) =>
            EmailAddressRule.Validate(column => target.Contains(column) ? target[column] : null);

        private void Link(Entity target, Func<string, object?> read, MatchingStrategy strategy)
        {
            var key = MatchKey.From(strategy, read);
            if (key.IsEmpty)
            {
                // Contract: nothing to match on (no strategy column has a value) → saved unlinked, never matched on empty values.
                trace("Nothing to match on: lead saved unlinked.");
                return;
            }
            // Some strategy columns empty: nobody can match (empty values are never compared), so no hit → a contact is
            // created from the lead's person fields, as the contract says for every lead with something to match on.
            var match = matcher.Resolve(key, read, lockPerson: false);
            match.ApplyTo(target, leadHasAccount: read(Contract.Lead.ParentAccountId) is EntityReference);
            trace($"Lead {target.Id} linked to contact {match.Contact.Id} ({(match.Created ? "created" : "matched")}).");
        }

        /// <summary>
        /// Contract: "the parent account is filled from the contact's parentcustomerid when the lead has none" — for a lead
        /// given its parent contact too, not only for a matched one (issue #20 item 9). One read of the contact (as SYSTEM,
        /// as matching reads).
        /// </summary>
        private void FillAccountFromContact(Entity target, EntityReference contact, bool leadHasAccount)
        {
            if (leadHasAccount || contact.LogicalName != Contract.Contact.LogicalName || contact.Id == Guid.Empty) return;
            // A query, not a Retrieve: a contact that does not exist is the platform's to refuse (its own message, at the
            // core operation), and no failed call is caught inside the transaction.
            var query = new QueryExpression(Contract.Contact.LogicalName) { ColumnSet = new ColumnSet(Contract.Contact.ParentCustomerId), TopCount = 1 };
            query.Criteria.AddCondition(Contract.Contact.Id, ConditionOperator.Equal, contact.Id);
            var row = reader.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (row == null) return;
            var account = row.GetAttributeValue<EntityReference>(Contract.Contact.ParentCustomerId);
            if (account != null && account.LogicalName == Contract.Account.LogicalName)
            {
                target[Contract.Lead.ParentAccountId] = new EntityReference(Contract.Account.LogicalName, account.Id);
                trace($"Parent account {account.Id} filled from the parent contact {contact.Id}.");
            }
        }

        private Entity Retrieve(Guid leadId, string[] columns)
        {
            try
            {
                return reader.Retrieve(Contract.Lead.LogicalName, leadId, new ColumnSet(columns));
            }
            catch (Exception ex) when (!(ex is InvalidPluginExecutionException))
            {
                throw new InvalidPluginExecutionException(
                    $"The lead's columns {string.Join(", ", columns)} could not be read for contact matching: {ex.Message}", ex);
            }
        }
    }
}
