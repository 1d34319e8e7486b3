using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

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
        /// Serialises matching for one identity, per person. Writing a row takes a row lock the database holds until the
        /// surrounding transaction ends (commit or rollback): a plug-in cannot release it earlier, so the lock is taken as
        /// late as possible — just before the find-or-create of the contact — and what follows it in the same transaction
        /// (the lead, the interaction, the synchronous post-operation steps) is still held under it.
        /// <list type="bullet">
        /// <item>The person's own lock row exists (anyone who was matched under a lock before): one Upsert of it (an update:
        /// its row lock). Only requests for the same person wait; nobody else touches that row.</item>
        /// <item>First time for this person: the row must be created, and two transactions creating one alternate-key value
        /// do not both succeed — Dataverse looks the key up without holding it, both insert, the unique index makes the
        /// second wait for the first and then fail with the duplicate-key error (0x80060892), and a failed call inside a
        /// synchronous plug-in ends the whole transaction ("Troubleshoot Dataverse plug-ins", learn.microsoft.com): it
        /// cannot be caught and retried. So first-time creators first lock the identity's shipped bucket row (256 rows,
        /// always there: a queue, never a duplicate) and only then upsert the person's row. Every transaction that creates
        /// a person's row holds that person's bucket, so no two create it at once; one that finds the row already
        /// committed only updates it.</item>
        /// </list>
        /// A first-time request therefore also waits for (and holds back) the other first-time requests of its bucket, until
        /// commit; returning people never touch a bucket. The rows carry a hash, never the values (README, "Load profile").
        /// </summary>
        private void Lock(MatchKey key)
        {
            var person = key.PersonLockKey(LockScope);
            if (!LockRowExists(person))
            {
                Touch(key.LockBucket(LockScope));
            }
            Touch(person);
        }

        /// <summary>Whether the person's lock row is committed (or written by this transaction): a query, so a missing row
        /// is an empty answer and not a failed call.</summary>
        private bool LockRowExists(string lockKey)
        {
            var query = new QueryExpression(Contract.MatchingLock.LogicalName) { ColumnSet = new ColumnSet(Contract.MatchingLock.Key), TopCount = 1 };
            query.Criteria.AddCondition(Contract.MatchingLock.Key, ConditionOperator.Equal, lockKey);
            return reader.RetrieveMultiple(query).Entities.Count > 0;
        }

        /// <summary>Upserts the lock row by its alternate key llc_key, with a real change so the update path writes (and locks)
        /// the row too; a bucket row an admin deleted is recreated.</summary>
        private void Touch(string lockKey)
        {
            var row = new Entity(Contract.MatchingLock.LogicalName, Contract.MatchingLock.Key, lockKey);
            row[Contract.MatchingLock.Name] = lockKey.Length <= 2 ? "Matching lock " + lockKey : "Matching lock (person)";
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
