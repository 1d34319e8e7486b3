using LeadLifecycle.Plugins.Data;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>
    /// Contact and account Create, pre-operation: a new record starts with the type the evaluation gives it. Nothing
    /// can reference a row before it exists, so its facts are empty and it starts as Suspect; its leads and
    /// opportunities re-evaluate it as they are created. Setting the columns on the Target costs no extra write.
    /// </summary>
    public sealed class NewPartyRelationshipTypePlugin : PluginBase
    {
        public NewPartyRelationshipTypePlugin(string unsecureConfiguration, string secureConfiguration)
            : base(typeof(NewPartyRelationshipTypePlugin))
        {
        }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localPluginContext)
        {
            var context = localPluginContext.PluginExecutionContext;
            var target = context.GetTarget<Entity>();
            if (target == null || !AffectedRecords.IsParty(target.LogicalName)) return;

            // Settings only matter for records that once bought; a new record never has, so none are read.
            var evaluation = RelationshipTypeEvaluator.Evaluate(RelationshipFacts.None, context.OperationCreatedOn, RelationshipTypeSettings.Default);
            // What the caller sent is the "current" state: an imported legacy account type is kept as a role.
            var sent = new Entity(target.LogicalName);
            foreach (var column in RelationshipTypeChanges.Columns)
            {
                if (target.Contains(column)) sent[column] = target[column];
            }
            RelationshipTypeChanges.Apply(sent, evaluation, context.OperationCreatedOn, target, out _);
            localPluginContext.Trace("New " + target.LogicalName + " starts with relationship type " + evaluation.Type + ".");
        }
    }
}
