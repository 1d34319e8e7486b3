using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Counts interactions with FetchXML aggregates — one query per distinct (type, window) of a model's rules,
    /// never loading the interactions themselves, so a re-score costs the same with 1 or 10,000 of them.
    /// (Aggregates: https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data)
    /// </summary>
    public sealed class InteractionCounter
    {
        /// <summary>Dataverse's AggregateQueryRecordLimit (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data#limitations).</summary>
        public const int AggregateRecordLimit = 50000;

        private readonly IOrganizationService service;
        private readonly DateTime now;
        private readonly Dictionary<string, InteractionTally> cache = new Dictionary<string, InteractionTally>();

        public InteractionCounter(IOrganizationService service, DateTime now)
        {
            this.service = service;
            this.now = now;
        }

        /// <summary>Whose interactions count: one contact's, or every contact of an account's.</summary>
        public InteractionTally Count(InteractionScope scope, ScoringRule rule)
        {
            if (scope.IsEmpty || !rule.InteractionType.HasValue) return new InteractionTally(0, null);
            var since = rule.WithinDays.HasValue ? now.AddDays(-rule.WithinDays.Value) : (DateTime?)null;
            var key = scope.Key + "|" + rule.InteractionType + "|" + rule.WithinDays;
            if (cache.TryGetValue(key, out var known)) return known;

            var count = 0;
            DateTime? oldest = null;
            try
            {
                var rows = service.RetrieveMultiple(new FetchExpression(Fetch(scope, rule.InteractionType.Value, since))).Entities;
                if (rows.Count > 0)
                {
                    count = Convert.ToInt32(EntityValues.Raw(rows[0], "matches") ?? 0, CultureInfo.InvariantCulture);
                    oldest = EntityValues.Raw(rows[0], "oldest") as DateTime?;
                }
            }
            catch (Exception e) when (e.Message.IndexOf("AggregateQueryRecordLimit", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // Dataverse refuses aggregates over more than 50,000 rows: that many interactions is "at least 50,000".
                count = AggregateRecordLimit;
            }
            var tally = new InteractionTally(count, since.HasValue && oldest.HasValue && count > 0
                ? oldest.Value.ToUniversalTime().AddDays(rule.WithinDays!.Value) : (DateTime?)null);
            cache[key] = tally;
            return tally;
        }

        private static string Fetch(InteractionScope scope, int type, DateTime? since)
        {
            var window = since.HasValue
                ? $"<condition attribute='{InteractionTable.OccurredOn}' operator='gt' value='{since.Value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}' />"
                : "";
            var ofContact = scope.ContactId.HasValue
                ? $"<condition attribute='{InteractionTable.ContactId}' operator='eq' value='{scope.ContactId.Value}' />"
                : "";
            var ofAccount = scope.AccountId.HasValue
                ? $"<link-entity name='contact' from='contactid' to='{InteractionTable.ContactId}' link-type='inner'>" +
                  $"<filter><condition attribute='parentcustomerid' operator='eq' value='{scope.AccountId.Value}' /></filter></link-entity>"
                : "";
            return "<fetch aggregate='true'>" +
                   $"<entity name='{InteractionTable.Name}'>" +
                   $"<attribute name='{InteractionTable.Id}' alias='matches' aggregate='count' />" +
                   $"<attribute name='{InteractionTable.OccurredOn}' alias='oldest' aggregate='min' />" +
                   $"<filter><condition attribute='{InteractionTable.Type}' operator='eq' value='{type}' />{window}{ofContact}</filter>" +
                   ofAccount +
                   "</entity></fetch>";
        }
    }
}
