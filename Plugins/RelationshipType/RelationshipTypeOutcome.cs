namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>The result of recalculating one record: the evaluation and whether the record had to be written.</summary>
    public sealed class RelationshipTypeOutcome
    {
        public RelationshipTypeOutcome(Microsoft.Xrm.Sdk.EntityReference record, RelationshipTypeEvaluation evaluation, bool changed, bool typeChanged)
        {
            Record = record;
            Evaluation = evaluation;
            Changed = changed;
            TypeChanged = typeChanged;
        }

        public Microsoft.Xrm.Sdk.EntityReference Record { get; }
        public RelationshipTypeEvaluation Evaluation { get; }

        /// <summary>At least one relationship column differed and was written.</summary>
        public bool Changed { get; }

        /// <summary>customertypecode itself changed (llc_relationshiptypechangedon was stamped).</summary>
        public bool TypeChanged { get; }
    }
}
