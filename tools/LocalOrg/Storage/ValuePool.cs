using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// One shared instance per equal lookup or choice value among a table's committed rows. Committed rows are never
/// mutated (a write replaces the whole row; every caller gets copies: <see cref="EntityCopy"/>, the query engine's
/// projection), so rows may share their value objects: every row's ownerid, owninguser, createdby, modifiedby and
/// owningbusinessunit point at a handful of users and one business unit, its statecode and statuscode hold a few
/// choices, and a contact's interactions all point at it. Sharing them keeps what a large organization holds in
/// memory to its data instead of tens of copies of the same reference.
/// Not thread-safe: the owning <see cref="TableStore"/> calls it under its lock.
/// </summary>
internal sealed class ValuePool
{
    private readonly Dictionary<(string LogicalName, Guid Id, string? Name), EntityReference> _references = new();
    private readonly Dictionary<int, OptionSetValue> _choices = new();
    private readonly List<(string Column, object Value)> _replacements = new();

    /// <summary>Replaces the row's lookup and choice values by the pool's equal instances (adding new ones to the pool).</summary>
    public void Share(Entity row)
    {
        foreach (var (column, value) in row.Attributes)
        {
            object? shared = value switch
            {
                EntityReference r when r.RowVersion is null && r.KeyAttributes.Count == 0 && r.LogicalName is not null => Shared(r),
                OptionSetValue o => Shared(o),
                _ => null,
            };
            if (shared is not null && !ReferenceEquals(shared, value)) _replacements.Add((column, shared));
        }
        foreach (var (column, value) in _replacements) row.Attributes[column] = value;
        _replacements.Clear();
    }

    // The pool keeps instances of its own, never one a caller handed in (a plug-in may still hold its Target's values).
    private EntityReference Shared(EntityReference reference)
    {
        var key = (reference.LogicalName, reference.Id, reference.Name);
        if (!_references.TryGetValue(key, out var shared))
            _references[key] = shared = new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
        return shared;
    }

    private OptionSetValue Shared(OptionSetValue choice)
    {
        if (!_choices.TryGetValue(choice.Value, out var shared)) _choices[choice.Value] = shared = new OptionSetValue(choice.Value);
        return shared;
    }
}
