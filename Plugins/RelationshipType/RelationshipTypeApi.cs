namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Names of the recalculation custom APIs and their parameters (Solution/src/customapis).</summary>
    public static class RelationshipTypeApi
    {
        /// <summary>Unbound: ContactIds / AccountIds (string arrays of ids, up to 1,000 in all) → EvaluatedCount, ChangedCount.</summary>
        public const string Recalculate = "llc_RecalculateRelationshipType";

        /// <summary>Bound to contact (Target) → RelationshipType, Reason, Changed.</summary>
        public const string RecalculateContact = "llc_RecalculateContactRelationshipType";

        /// <summary>Bound to account (Target) → RelationshipType, Reason, Changed.</summary>
        public const string RecalculateAccount = "llc_RecalculateAccountRelationshipType";

        public const string ContactIds = "ContactIds";
        public const string AccountIds = "AccountIds";
        public const string EvaluatedCount = "EvaluatedCount";
        public const string ChangedCount = "ChangedCount";
        public const string RelationshipType = "RelationshipType";
        public const string Reason = "Reason";
        public const string Changed = "Changed";
    }
}
