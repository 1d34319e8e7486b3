using System;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>The outcome of evaluating one contact or account: what its relationship columns should hold.</summary>
    public sealed class RelationshipTypeEvaluation
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
