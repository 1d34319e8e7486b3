using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Counts interactions with FetchXML aggregates, never loading the interactions themselves, so a re-score costs
    /// the same with 1 or 10,000 of them. The (type, window) pairs a model's rules ask for are counted together: one
    /// query grouped by type answers every type once, so a model costs one query unless two of its rules count the
    /// same type over different windows (outside a transaction; inside one, one query per (type, window) pair: see the
    /// constructor).
    /// (Aggregates: https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data)
    /// </summary>
    public sealed class InteractionCounter
    {
        /// <summary>Dataverse's AggregateQueryRecordLimit (https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data#limitations).</summary>
        public const int AggregateRecordLimit = 50000;

        private readonly IOrganizationService service;
        private readonly DateTime now;
        private readonly bool insideTransaction;
        private readonly Dictionary<string, InteractionTally> cache = new Dictionary<string, InteractionTally>();

        /// <param name="insideTransaction">
        /// True (the default) when the caller runs inside a database transaction (a synchronous step, a custom API):
        /// there a failed call ends the whole transaction ("Troubleshoot Dataverse plug-ins", Transaction errors,
        /// learn.microsoft.com/power-apps/developer/data-platform/troubleshoot-plug-in), so the over-50,000-rows
        /// aggregate fault is never caught and continued: it fails the request with an actionable message. False only
        /// in asynchronous steps (IExecutionContext.IsInTransaction false), where each call commits on its own and the
        /// counter may fall back to counting the (type, window) pairs one by one.
        /// </param>
        public InteractionCounter(IOrganizationService service, DateTime now, bool insideTransaction = true)
        {
            this.service = service;
            this.now = now;
            this.insideTransaction = insideTransaction;
        }

        /// <summary>Counts, in as few queries as possible, every pair the interaction rules ask for that is not known yet.</summary>
        public void CountAhead(InteractionScope scope, IEnumerable<ScoringRule> rules)
        {
            if (scope.IsEmpty) return;
            var pending = rules.Where(r => r.IsInteractionRule && r.InteractionType.HasValue)
                .Select(r => new Window(r.InteractionType!.Value, r.WithinDays))
                .Distinct()
                .Where(w => !cache.ContainsKey(Key(scope, w)))
                .ToList();
            while (pending.Count > 0)
            {
                // Inside a transaction each pair is counted on its own: a query grouping several types could pass the
                // 50,000-row aggregate limit where each type alone does not, and there the fault cannot be caught.
                var batch = insideTransaction
                    ? new List<Window> { pending[0] }
                    : pending.GroupBy(w => w.Type).Select(g => g.First()).ToList();
                pending.RemoveAll(batch.Contains);
                CountBatch(scope, batch);
            }
        }

        /// <summary>Whose interactions count: one contact's, or every contact of an account's.</summary>
        public InteractionTally Count(InteractionScope scope, ScoringRule rule)
        {
            if (scope.IsEmpty || !rule.InteractionType.HasValue) return new InteractionTally(0, null);
            var window = new Window(rule.InteractionType.Value, rule.WithinDays);
            if (!cache.ContainsKey(Key(scope, window))) CountBatch(scope, new[] { window });
            return cache[Key(scope, window)];
        }

        private void CountBatch(InteractionScope scope, IReadOnlyList<Window> batch)
        {
            DataCollection<Entity> rows;
            if (insideTransaction)
            {
                // No try/catch here on purpose: inside a transaction the failed aggregate has already ended it.
                rows = service.RetrieveMultiple(new FetchExpression(Fetch(scope, batch))).Entities;
                Tally(scope, batch, rows);
                return;
            }
            try
            {
                rows = service.RetrieveMultiple(new FetchExpression(Fetch(scope, batch))).Entities;
            }
            catch (Exception e) when (e.Message.IndexOf("AggregateQueryRecordLimit", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // Dataverse refuses aggregates over more than 50,000 rows. Together the pairs may pass it where each
                // alone does not: count them one by one; a single pair over the limit is "at least 50,000".
                if (batch.Count > 1)
                {
                    foreach (var window in batch) CountBatch(scope, new[] { window });
                }
                else
                {
                    cache[Key(scope, batch[0])] = new InteractionTally(AggregateRecordLimit, null);
                }
                return;
            }
            Tally(scope, batch, rows);
        }

        private void Tally(InteractionScope scope, IReadOnlyList<Window> batch, DataCollection<Entity> rows)
        {
            foreach (var window in batch)
            {
                var row = rows.FirstOrDefault(r => TypeOf(r) == window.Type);
                var count = row == null ? 0 : Convert.ToInt32(EntityValues.Raw(row, "matches") ?? 0, CultureInfo.InvariantCulture);
                var oldest = row == null ? null : EntityValues.Raw(row, "oldest") as DateTime?;
                cache[Key(scope, window)] = new InteractionTally(count, window.WithinDays.HasValue && oldest.HasValue && count > 0
                    ? oldest.Value.ToUniversalTime().AddDays(window.WithinDays.Value) : (DateTime?)null);
            }
        }

        private static int? TypeOf(Entity row)
        {
            var value = EntityValues.Raw(row, "type");
            return value is OptionSetValue option ? option.Value : value as int?;
        }

        private static string Key(InteractionScope scope, Window window) => scope.Key + "|" + window.Type + "|" + window.WithinDays;

        /// <summary>Count and oldest occurrence per type, each type over its own window.</summary>
        private string Fetch(InteractionScope scope, IEnumerable<Window> batch)
        {
            var windows = new StringBuilder();
            foreach (var window in batch)
            {
                var since = window.WithinDays.HasValue
                    ? $"<condition attribute='{Contract.Interaction.OccurredOn}' operator='gt' value='{now.AddDays(-window.WithinDays.Value).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}' />"
                    : "";
                windows.Append($"<filter><condition attribute='{Contract.Interaction.Type}' operator='eq' value='{window.Type}' />{since}</filter>");
            }
            var ofContact = scope.ContactId.HasValue
                ? $"<condition attribute='{Contract.Interaction.ContactId}' operator='eq' value='{scope.ContactId.Value}' />"
                : "";
            var ofAccount = scope.AccountId.HasValue
                ? $"<link-entity name='{Contract.Contact.LogicalName}' from='{Contract.Contact.Id}' to='{Contract.Interaction.ContactId}' link-type='inner'>" +
                  $"<filter><condition attribute='{Contract.Contact.ParentCustomerId}' operator='eq' value='{scope.AccountId.Value}' /></filter></link-entity>"
                : "";
            return "<fetch aggregate='true'>" +
                   $"<entity name='{Contract.Interaction.LogicalName}'>" +
                   $"<attribute name='{Contract.Interaction.Type}' alias='type' groupby='true' />" +
                   $"<attribute name='{Contract.Interaction.Id}' alias='matches' aggregate='count' />" +
                   $"<attribute name='{Contract.Interaction.OccurredOn}' alias='oldest' aggregate='min' />" +
                   $"<filter>{ofContact}<filter type='or'>{windows}</filter></filter>" +
                   ofAccount +
                   "</entity></fetch>";
        }

        /// <summary>One question a rule asks: interactions of a type, optionally only the last N days.</summary>
        private readonly record struct Window(int Type, int? WithinDays);
    }

    /// <summary>How many interactions match a rule, and when the oldest of them leaves the rule's window.</summary>
    public sealed record InteractionTally(int Count, DateTime? LeavesWindowOn);
}
