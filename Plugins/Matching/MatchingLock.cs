using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.Plugins.Matching
{
    /// <summary>
    /// Serialises matching for one identity: writing the llc_matchinglock row of the identity's bucket (alternate key
    /// llc_key) takes a row lock that the database holds until the surrounding transaction ends, so a second request
    /// for the same person waits here until the first one's contact is committed (or rolled back).
    /// The solution ships the 256 bucket rows: concurrent requests then queue on an existing row, where two first-time
    /// inserts of one key would make the second fail on the duplicate key. Upsert recreates a deleted bucket row.
    /// </summary>
    public static class MatchingLock
    {
        public static void Acquire(IOrganizationService service, string bucket, DateTime now)
        {
            var row = new Entity(MatchingSchema.Lock.Table, MatchingSchema.Lock.Key, bucket);
            row[MatchingSchema.Lock.Name] = "Matching lock " + bucket;
            // A real change on every upsert, so the update path writes (and locks) the row too.
            row[MatchingSchema.Lock.LockedOn] = now;
            service.Execute(new UpsertRequest { Target = row });
        }
    }
}
