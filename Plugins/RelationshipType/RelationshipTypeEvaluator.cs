using System;
using System.Globalization;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// The one rule of the relationship type (contract: Relationship type). Pure and deterministic: the same facts,
    /// moment and settings always give the same type, reason, customer-until date and next review moment.
    /// Precedence Customer > Potential Customer > Prospect > Suspect; a former customer's retention type competes
    /// with what is open under the same precedence, so opening a lead never lowers a former customer's type.
    /// </summary>
    public static class RelationshipTypeEvaluator
    {
        public static RelationshipTypeEvaluation Evaluate(RelationshipFacts facts, DateTime now, RelationshipTypeSettings settings)
        {
            if (facts == null) throw new ArgumentNullException(nameof(facts));
            if (settings == null) throw new ArgumentNullException(nameof(settings));

            DateTime? customerUntil = null;
            Retention? retention = null;
            if (facts.LatestWinClosedOn.HasValue)
            {
                var termEnd = CalendarMonths.UtcDay(facts.LatestWinClosedOn.Value).AddMonths(settings.CustomerTermMonths);
                customerUntil = termEnd;
                if (now < termEnd)
                {
                    return new RelationshipTypeEvaluation(
                        Contract.RelationshipType.Customer,
                        string.Format(CultureInfo.InvariantCulture, "won opportunity {0} closed on {1}; customer until {2}",
                            Quote(facts.LatestWinName), CalendarMonths.Format(facts.LatestWinClosedOn.Value), CalendarMonths.Format(termEnd)),
                        customerUntil,
                        termEnd);
                }
                retention = Retention.For(termEnd, now, settings);
            }

            var reviewOn = retention?.NextChangeOn;
            if (facts.HasOpenOpportunity)
            {
                return new RelationshipTypeEvaluation(Contract.RelationshipType.PotentialCustomer,
                    "open opportunity " + Quote(facts.OpenOpportunityName), customerUntil, reviewOn);
            }
            if (retention != null && retention.Type == Contract.RelationshipType.PotentialCustomer)
            {
                return new RelationshipTypeEvaluation(retention.Type, retention.Reason, customerUntil, reviewOn);
            }
            if (facts.HasOpenLead)
            {
                return new RelationshipTypeEvaluation(Contract.RelationshipType.Prospect,
                    "open lead " + Quote(facts.OpenLeadTopic), customerUntil, reviewOn);
            }
            if (retention != null)
            {
                return new RelationshipTypeEvaluation(retention.Type, retention.Reason, customerUntil, reviewOn);
            }
            return new RelationshipTypeEvaluation(Contract.RelationshipType.Suspect,
                "no open lead, open opportunity or won opportunity", null, null);
        }

        private static string Quote(string? name)
        {
            return string.IsNullOrWhiteSpace(name) ? "(no name)" : "'" + name!.Trim() + "'";
        }

        /// <summary>The retention type of a former customer now, and when it next changes by time alone.</summary>
        private sealed class Retention
        {
            private Retention(int type, string reason, DateTime? nextChangeOn)
            {
                Type = type;
                Reason = reason;
                NextChangeOn = nextChangeOn;
            }

            public int Type { get; }
            public string Reason { get; }
            public DateTime? NextChangeOn { get; }

            public static Retention For(DateTime termEnd, DateTime now, RelationshipTypeSettings settings)
            {
                int elapsed = CalendarMonths.WholeMonthsBetween(termEnd, now);
                int type = TypeAfter(elapsed, settings, out string rule);
                string reason = string.Format(CultureInfo.InvariantCulture,
                    "former customer: term ended on {0}, {1} whole month(s) ago; {2}",
                    CalendarMonths.Format(termEnd), elapsed, rule);
                return new Retention(type, reason, NextChange(termEnd, elapsed, type, settings));
            }

            private static int TypeAfter(int elapsed, RelationshipTypeSettings settings, out string rule)
            {
                foreach (var candidate in settings.RetentionRules)
                {
                    if (candidate.AppliesAfter(elapsed))
                    {
                        rule = string.Format(CultureInfo.InvariantCulture, "retention rule '{0}' ({1}+ months)", candidate.Name, candidate.MonthsAfterTerm);
                        return candidate.TargetType;
                    }
                }
                bool early = elapsed < RelationshipTypeSettings.FallbackPotentialCustomerMonths;
                rule = early
                    ? "default retention: Potential Customer for the first 12 months after the term"
                    : "default retention: Prospect from 12 months after the term";
                return early ? Contract.RelationshipType.PotentialCustomer : Contract.RelationshipType.Prospect;
            }

            /// <summary>The first month threshold after <paramref name="elapsed"/> where the retention type differs.</summary>
            private static DateTime? NextChange(DateTime termEnd, int elapsed, int currentType, RelationshipTypeSettings settings)
            {
                int? next = null;
                foreach (int threshold in Thresholds(settings))
                {
                    if (threshold <= elapsed) continue;
                    if (TypeAfter(threshold, settings, out _) == currentType) continue;
                    if (!next.HasValue || threshold < next.Value) next = threshold;
                }
                return next.HasValue ? termEnd.AddMonths(next.Value) : (DateTime?)null;
            }

            private static System.Collections.Generic.IEnumerable<int> Thresholds(RelationshipTypeSettings settings)
            {
                foreach (var rule in settings.RetentionRules) yield return rule.MonthsAfterTerm;
                yield return RelationshipTypeSettings.FallbackPotentialCustomerMonths;
            }
        }
    }

    /// <summary>The outcome of evaluating one contact or account: what its relationship columns should hold.</summary>
    public sealed record RelationshipTypeEvaluation
    {
        public const int MaxReasonLength = 400;

        public RelationshipTypeEvaluation(int type, string reason, DateTime? customerUntil, DateTime? reviewOn)
        {
            Type = type;
            Reason = reason.Length <= MaxReasonLength ? reason : reason.Substring(0, MaxReasonLength - 1) + "…";
            CustomerUntil = customerUntil;
            ReviewOn = reviewOn;
        }

        /// <summary>customertypecode.</summary>
        public int Type { get; }

        /// <summary>llc_relationshiptypereason, at most 400 characters.</summary>
        public string Reason { get; }

        /// <summary>llc_customeruntil: the day the latest customer term ends (UTC midnight), null if never won.</summary>
        public DateTime? CustomerUntil { get; }

        /// <summary>llc_relationshiptypereviewon: the next moment time alone can change the type; null when none.</summary>
        public DateTime? ReviewOn { get; }
    }
}
