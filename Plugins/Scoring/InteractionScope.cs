using System;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Whose interactions a model counts for a lead. Contract: contact scope counts the parent contact's,
    /// account scope every contact of the parent account's. An account-scope model does not score a lead
    /// without a parent account (<see cref="LeadFacts.IsScoredBy"/>).
    /// </summary>
    public sealed class InteractionScope
    {
        private InteractionScope(Guid? contactId, Guid? accountId) { ContactId = contactId; AccountId = accountId; }

        public Guid? ContactId { get; }
        public Guid? AccountId { get; }
        public bool IsEmpty => !ContactId.HasValue && !AccountId.HasValue;
        public string Key => AccountId.HasValue ? "account:" + AccountId : "contact:" + ContactId;

        public static InteractionScope For(ScoringModel model, Guid? parentContactId, Guid? parentAccountId)
        {
            if (model.IsAccountScope && parentAccountId.HasValue) return new InteractionScope(null, parentAccountId);
            return new InteractionScope(parentContactId, null);
        }
    }
}
