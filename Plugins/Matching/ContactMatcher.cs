using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

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
            columns = new[] { MatchingSchema.Contact.Id, MatchingSchema.Contact.ParentCustomerId }
                .Concat(alsoRead ?? Enumerable.Empty<string>()).Distinct().ToArray();
        }

        /// <summary>
        /// Matches or creates. <paramref name="lockFirst"/> false: look first and lock only when nothing is found
        /// (one query for the common case of a known person), then look again under the lock before creating.
        /// </summary>
        public ContactMatch Resolve(MatchKey key, Func<string, object?> person, bool lockFirst)
        {
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
                var parent = hit.GetAttributeValue<EntityReference>(MatchingSchema.Contact.ParentCustomerId);
                var account = parent != null && parent.LogicalName == MatchingSchema.Account ? parent : null;
                return new ContactMatch(hit.ToEntityReference(), account, created: false, key.Strategy.Describe(), hit);
            }

            var contact = LeadToContactMapping.NewContact(person, key.Strategy.Attributes);
            var id = writer.Create(contact);
            return new ContactMatch(new EntityReference(MatchingSchema.Contact.Table, id),
                contact.GetAttributeValue<EntityReference>(MatchingSchema.Contact.ParentCustomerId),
                created: true, ContactMatch.CreatedMatchedBy);
        }

        private Entity? Find(MatchKey key) =>
            MatchQuery.FirstOrNull(reader,
                MatchQuery.Build(MatchingSchema.Contact.Table, key, columns),
                key.Strategy);

        private void Lock(MatchKey key) => MatchingLock.Acquire(reader, key.LockBucket(LockScope), now);
    }
}
