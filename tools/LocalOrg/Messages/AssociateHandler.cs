using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>Associate / Disassociate over a one-to-many relationship: sets or clears the referencing lookup of each related row.</summary>
internal sealed class AssociateHandler : IMessageHandler
{
    private readonly bool _associate;

    public AssociateHandler(bool associate) { _associate = associate; }

    public bool IsWrite => true;
    public ImageSource Images => ImageSource.None;

    public void Describe(Operation op)
    {
        var target = op.Required<EntityReference>("Target");
        op.Org.Metadata.Get(target.LogicalName);
        op.SetPrimary(target.LogicalName, target.Id);
    }

    public void Execute(Operation op)
    {
        var target = op.Required<EntityReference>("Target");
        var relationship = op.Required<Relationship>("Relationship");
        var related = op.Required<EntityReferenceCollection>("RelatedEntities");
        var definition = op.Org.Metadata.Relationships.FirstOrDefault(r => r.SchemaName == relationship.SchemaName)
            ?? throw Faults.Invalid($"The relationship '{relationship.SchemaName}' is not a one-to-many relationship the local organization knows.");
        foreach (var other in related)
        {
            // Either side may be the target: the row on the referencing side gets (or loses) the lookup.
            var (child, parent) = target.LogicalName == definition.ReferencedEntity && other.LogicalName == definition.ReferencingEntity
                ? (other, target)
                : (target, other);
            if (child.LogicalName != definition.ReferencingEntity || parent.LogicalName != definition.ReferencedEntity)
                throw Faults.Invalid($"The relationship '{definition.SchemaName}' does not link {target.LogicalName} and {other.LogicalName}.");
            var update = new Entity(child.LogicalName, child.Id) { [definition.ReferencingAttribute] = _associate ? new EntityReference(parent.LogicalName, parent.Id) : null };
            op.Platform.Execute(new UpdateRequest { Target = update });
        }
    }
}
