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
        /// Matches or creates, never two contacts for one person: a contact is created only under the person's lock rows —
        /// its own row when the request saw one, and the identity's bucket (see Plugins/Matching/README.md, "Load profile of
        /// the matching lock", for the protocol and its race cases).
        /// <paramref name="lockPerson"/> true (a form submission): the person is locked <b>before</b> the match, so the match,
        /// the gap filling and the open-lead lookup that follow read what the previous submission for that person committed;
        /// false (a lead create): the contact is looked up first and the locks are taken only when nobody matched.
        /// </summary>
        public ContactMatch Resolve(MatchKey key, Func<string, object?> person, bool lockPerson)
        {
            if (!key.IsComplete)
            {
                // Contract: values are never compared when empty, so a key with an empty column matches nobody: no hit,
                // a contact is created (issue #20 item 7). Nothing to serialise on either: no later request could find it.
                return Create(key, person);
            }
            if (!lockPerson)
            {
                var known = Find(key);
                if (known != null) return Matched(key, known);
            }
            var rows = LockRows.Read(reader, key.PersonLockKey(LockScope), key.LockBucket(LockScope));
            if (rows.Person is Guid)
            {
                // The person's row exists: it is locked first (a returning person waits only for requests of that same
                // person); a lead create then also takes the bucket, since it may create the contact.
                LockPerson(rows);
                if (!lockPerson) LockBucket(key, rows);
            }
            else
            {
                // No row yet: the bucket first (every creator of this person's row or contact holds it: they queue, never
                // two inserts of one key), then, for a submission, the person's new row.
                LockBucket(key, rows);
                if (lockPerson) LockPerson(rows);
            }
            var hit = Find(key);
            if (hit != null || !lockPerson || !(rows.Person is Guid)) return hit != null ? Matched(key, hit) : Create(key, person);

            // A returning person whose contact is gone (deleted, deactivated, its matched column changed): this submission
            // creates it, so it takes the bucket too (a lead create of the person that saw no row holds only the bucket),
            // and looks again once it holds it.
            LockBucket(key, rows);
            hit = Find(key);
            return hit != null ? Matched(key, hit) : Create(key, person);
        }

        private static ContactMatch Matched(MatchKey key, Entity hit)
        {
            var parent = hit.GetAttributeValue<EntityReference>(Contract.Contact.ParentCustomerId);
            var account = parent != null && parent.LogicalName == Contract.Account.LogicalName ? parent : null;
            return new ContactMatch(hit.ToEntityReference(), account, Created: false, key.Strategy.Describe(), hit);
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
        /// Writing a row takes a row lock the database holds until the surrounding transaction ends (commit or rollback): a
        /// plug-in cannot release it earlier, so the locks are taken as late as possible — just before the match a submission
        /// must serialise, and only after an unlocked miss for a lead create — and what follows in the same transaction (the
        /// lead, the interaction, the synchronous post-operation steps) is still held under them.
        /// <list type="bullet">
        /// <item>The bucket (256 shipped rows, keys 00–ff: always there, so a queue, never a duplicate): held by every request
        /// that may create this person's contact or lock row. Two transactions creating one alternate-key value do not both
        /// succeed — Dataverse looks the key up without holding it, both insert, the unique index makes the second wait for the
        /// first and then fail with the duplicate-key error (0x80060892), and a failed call inside a synchronous plug-in ends
        /// the whole transaction ("Troubleshoot Dataverse plug-ins", learn.microsoft.com): it cannot be caught and retried.</item>
        /// <item>The person's own row: created by a form submission, the first time, under the bucket; updated by every later
        /// request that locks the person. Only requests for the same person wait on it.</item>
        /// </list>
        /// Order: a request that saw the person's row takes it first, then (if it may create the contact) the bucket; one that
        /// saw none takes the bucket first, then (a submission) creates the row. A cycle would need the row created between
        /// two requests' lookups and the contact that request created gone before they look for it; Dataverse then fails one
        /// of them as a deadlock victim — never two contacts.
        /// A row the lookup saw is locked by an Update of its id (one call); one it did not see by an Upsert of its key, which
        /// recreates a bucket row an admin deleted. The rows carry a hash, never the values (README, "Load profile").
        /// </summary>
        private void LockBucket(MatchKey key, LockRows? rows)
        {
            if (rows?.Bucket is Guid id) TouchById(id, rows.BucketKey);
            else Upsert(key.LockBucket(LockScope));
        }

        private void LockPerson(LockRows rows)
        {
            if (rows.Person is Guid id) TouchById(id, rows.PersonKey);
            else Upsert(rows.PersonKey);
        }

        private void Upsert(string lockKey) =>
            reader.Execute(new UpsertRequest { Target = Stamp(new Entity(Contract.MatchingLock.LogicalName, Contract.MatchingLock.Key, lockKey), lockKey) });

        /// <summary>An Update with a real change (llc_lockedon), so it writes — and locks — the row.</summary>
        private void TouchById(Guid id, string lockKey) =>
            reader.Update(Stamp(new Entity(Contract.MatchingLock.LogicalName, id), lockKey));

        private Entity Stamp(Entity row, string lockKey)
        {
            row[Contract.MatchingLock.Name] = lockKey.Length <= 2 ? "Matching lock " + lockKey : "Matching lock (person)";
            row[Contract.MatchingLock.LockedOn] = now;
            return row;
        }

        /// <summary>
        /// The identity's lock rows as committed (or written by this transaction), read with one query: the person's row and
        /// its bucket, by key. A query, so a missing row is an empty answer and not a failed call. A lead create reads them
        /// only when nobody matched (this query and an Update of the bucket cost what an Upsert of it would).
        /// </summary>
        private sealed class LockRows
        {
            public string PersonKey { get; private set; } = "";
            public string BucketKey { get; private set; } = "";
            public Guid? Person { get; private set; }
            public Guid? Bucket { get; private set; }

            public static LockRows Read(IOrganizationService reader, string personKey, string bucketKey)
            {
                var query = new QueryExpression(Contract.MatchingLock.LogicalName) { ColumnSet = new ColumnSet(Contract.MatchingLock.Key), TopCount = 2 };
                query.Criteria.AddCondition(Contract.MatchingLock.Key, ConditionOperator.In, personKey, bucketKey);
                var rows = new LockRows { PersonKey = personKey, BucketKey = bucketKey };
                foreach (var row in reader.RetrieveMultiple(query).Entities)
                {
                    var key = row.GetAttributeValue<string>(Contract.MatchingLock.Key);
                    if (string.Equals(key, personKey, StringComparison.OrdinalIgnoreCase)) rows.Person = row.Id;
                    else if (string.Equals(key, bucketKey, StringComparison.OrdinalIgnoreCase)) rows.Bucket = row.Id;
                }
                return rows;
            }
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
