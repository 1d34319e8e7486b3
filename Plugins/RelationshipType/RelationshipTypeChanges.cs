using System;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Puts an evaluation on an entity, only the columns whose value differs from what the record holds. Sending
    /// unchanged columns would still count as a change for "on change of" workflows and other steps.
    /// </summary>
    public static class RelationshipTypeChanges
    {
        /// <summary>Columns the comparison needs from the current record.</summary>
        public static readonly string[] Columns =
        {
            Contract.Contact.CustomerTypeCode, Contract.Contact.CustomerUntil,
            Contract.Contact.RelationshipTypeReason, Contract.Contact.RelationshipTypeReviewOn, Contract.Contact.RelationshipRoles,
        };

        /// <summary>Copies into <paramref name="target"/> what differs between <paramref name="current"/> and the
        /// evaluation, stamping llc_relationshiptypechangedon when the type changes. Returns true when anything did.</summary>
        public static bool Apply(Entity current, RelationshipTypeEvaluation evaluation, DateTime now, Entity target, out bool typeChanged)
        {
            bool changed = false;
            typeChanged = current.GetAttributeValue<OptionSetValue>(Contract.Contact.CustomerTypeCode)?.Value != evaluation.Type;
            if (typeChanged)
            {
                LegacyAccountRelationshipTypes.CarryOver(current, target);
                target[Contract.Contact.CustomerTypeCode] = new OptionSetValue(evaluation.Type);
                target[Contract.Contact.RelationshipTypeChangedOn] = now;
                changed = true;
            }
            if (!SameDay(current.GetAttributeValue<DateTime?>(Contract.Contact.CustomerUntil), evaluation.CustomerUntil))
            {
                target[Contract.Contact.CustomerUntil] = evaluation.CustomerUntil;
                changed = true;
            }
            if (!string.Equals(current.GetAttributeValue<string>(Contract.Contact.RelationshipTypeReason) ?? string.Empty, evaluation.Reason, StringComparison.Ordinal))
            {
                target[Contract.Contact.RelationshipTypeReason] = evaluation.Reason;
                changed = true;
            }
            if (!SameSecond(current.GetAttributeValue<DateTime?>(Contract.Contact.RelationshipTypeReviewOn), evaluation.ReviewOn))
            {
                target[Contract.Contact.RelationshipTypeReviewOn] = evaluation.ReviewOn;
                changed = true;
            }
            return changed;
        }

        private static bool SameDay(DateTime? a, DateTime? b)
        {
            if (!a.HasValue || !b.HasValue) return a.HasValue == b.HasValue;
            return CalendarMonths.UtcDay(a.Value) == CalendarMonths.UtcDay(b.Value);
        }

        // Dataverse keeps date and time to the second.
        private static bool SameSecond(DateTime? a, DateTime? b)
        {
            if (!a.HasValue || !b.HasValue) return a.HasValue == b.HasValue;
            return Math.Abs((ToUtc(a.Value) - ToUtc(b.Value)).TotalSeconds) < 1;
        }

        private static DateTime ToUtc(DateTime value)
        {
            return value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }
    }
}
