using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Finds the active contact a key identifies (the most recently modified when several do) or creates one from
    /// the person fields, serialised per identity so two concurrent requests never create two contacts.
    /// </summary>
    public sealed class ContactMatcher
    {
        private const string LockScope = "contact";
        private readonly IOrganizationService reader;
        private readonly IOrganizationService writer;
        private readonly DateTime now;
        private readonly string[] columns;

        /// <param name="reader">Sees every contact (matching must not depend on the caller's read access).</param>
        /// <param name="writer">Creates the contact on behalf of the caller.</param>
        /// <param name="now">The operation's time, stamped on the lock row.</param>
        /// <param name="alsoRead">Contact columns the caller needs next, read by the match query itself
        /// (<see cref="ContactMatch.Row"/>) rather than by a second call.</param>
        public ContactMatcher(IOrganizationService reader, IOrganizationService writer, DateTime now, IEnumerable<string>? alsoRead = null)
        {
            this.reader = reader;
            this.writer = writer;
            this.now = now;
            columns = new[] { Contract.Contact.Id, Contract.Contact.ParentCustomerId }
                .Concat(alsoRead ?? Enumerable.Empty<string>()).Distinct().ToArray();
        }

        /// <summary>
        /// Matches or creates. <paramref name="lockFirst"/> false: look first and lock only when nothing is found
        /// (one query for the common case of a known person), then look again under the lock before creating.
        /// </summary>
        public ContactMatch Resolve(MatchKey key, Func<string, object?> person, bool lockFirst)
        {
            if (!key.IsComplete)
            {
                // Contract: values are never compared when empty, so a key with an empty column matches nobody: no hit,
                // a contact is created (issue #20 item 7). Nothing to serialise on either: no later request could find it.
                return Create(key, person);
            }
            if (lockFirst)
            {
                Lock(key);
            }
            var hit = Find(key);
            if (hit == null && !lockFirst)
            {
                Lock(key);
                hit = Find(key);
            }
            if (hit != null)
            {
                var parent = hit.GetAttributeValue<EntityReference>(Contract.Contact.ParentCustomerId);
                var account = parent != null && parent.LogicalName == Contract.Account.LogicalName ? parent : null;
                return new ContactMatch(hit.ToEntityReference(), account, Created: false, key.Strategy.Describe(), hit);
            }

            return Create(key, person);
        }

        private ContactMatch Create(MatchKey key, Func<string, object?> person)
        {
            var contact = LeadToContactMapping.NewContact(person, key.Strategy.Attributes);
            var id = writer.Create(contact);
            return new ContactMatch(new EntityReference(Contract.Contact.LogicalName, id),
                contact.GetAttributeValue<EntityReference>(Contract.Contact.ParentCustomerId),
                Created: true, ContactMatch.CreatedMatchedBy);
        }

        private Entity? Find(MatchKey key) =>
            MatchQuery.FirstOrNull(reader,
                MatchQuery.Build(Contract.Contact.LogicalName, key, columns),
                key.Strategy);

        /// <summary>
        /// Serialises matching for one identity: writing the llc_matchinglock row of the identity's bucket (alternate key
        /// llc_key) takes a row lock that the database holds until the surrounding transaction ends, so a second request
        /// for the same person waits here until the first one's contact is committed (or rolled back). The solution ships
        /// the 256 bucket rows: concurrent requests then queue on an existing row, where two first-time inserts of one
        /// key would make the second fail on the duplicate key. Upsert recreates a deleted bucket row.
        /// </summary>
        private void Lock(MatchKey key)
        {
            var bucket = key.LockBucket(LockScope);
            var row = new Entity(Contract.MatchingLock.LogicalName, Contract.MatchingLock.Key, bucket);
            row[Contract.MatchingLock.Name] = "Matching lock " + bucket;
            // A real change on every upsert, so the update path writes (and locks) the row too.
            row[Contract.MatchingLock.LockedOn] = now;
            reader.Execute(new UpsertRequest { Target = row });
        }
    }

    /// <summary>The contact a lead or submission belongs to, and how it was found.</summary>
    /// <param name="Contact">The matched or created contact.</param>
    /// <param name="Account">The contact's parent account (its parentcustomerid when that is an account), if any.</param>
    /// <param name="Created">True when no contact matched and this one was created.</param>
    /// <param name="MatchedBy">What llc_matchedby records: the strategy name and columns, or "created".</param>
    /// <param name="Row">The matched contact as the match query read it (the columns the matcher was asked for); null when created.</param>
    public sealed record ContactMatch(EntityReference Contact, EntityReference? Account, bool Created, string MatchedBy, Entity? Row = null)
    {
        public const string CreatedMatchedBy = "created";

        /// <summary>Links a lead (create/update target) to this contact; its own parent account wins over the contact's.</summary>
        public void ApplyTo(Entity lead, bool leadHasAccount)
        {
            lead[Contract.Lead.ParentContactId] = Contact;
            if (!leadHasAccount && Account != null)
            {
                lead[Contract.Lead.ParentAccountId] = Account;
            }
            lead[Contract.Lead.MatchedBy] = MatchedBy;
        }
    }
}
