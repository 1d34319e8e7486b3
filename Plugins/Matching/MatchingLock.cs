using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Serialises matching for one identity: upserting the llc_matchinglock row whose alternate key is the
    /// identity takes a row lock that the database holds until the surrounding transaction ends, so a second
    /// submission for the same person waits here until the first one's contact is committed (or rolled back).
    /// The key is a hash: the lock table holds no personal data.
    /// </summary>
    public static class MatchingLock
    {
        public static void Acquire(IOrganizationService service, string identity, DateTime now)
        {
            var row = new Entity(MatchingSchema.Lock.Table, MatchingSchema.Lock.Key, identity);
            row[MatchingSchema.Lock.Name] = "Contact matching";
            // A real change on every upsert, so the update path writes (and locks) the row too.
            row[MatchingSchema.Lock.LockedOn] = now;
            service.Execute(new UpsertRequest { Target = row });
        }
    }
}
