using LeadLifecycle.LocalOrg.Metadata;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// One database transaction: the writes of a top-level operation and of every synchronous plug-in step it causes.
/// Writes stay private until <see cref="Commit"/>; rows written (and alternate-key values claimed) are locked until
/// the transaction ends, so concurrent writers of the same row wait, and readers outside see committed data only.
/// </summary>
internal sealed class Transaction
{
    private readonly DataStore _store;
    private readonly Dictionary<(string Table, Guid Id), Entity?> _writes = new();
    private readonly List<(string Table, Guid Id)> _order = new();
    private readonly HashSet<string> _writtenTables = new(StringComparer.Ordinal);
    private readonly List<string> _locks = new();
    private readonly List<Action> _afterCommit = new();

    public Transaction(DataStore store) { _store = store; }

    /// <summary>Set when an operation inside the transaction failed: Dataverse then refuses further work in it.</summary>
    public bool Aborted { get; set; }
    public bool Completed { get; private set; }

    /// <summary>The row as this transaction sees it (own writes first, then committed), or null. Never mutate the result.</summary>
    public Entity? Read(string table, Guid id)
    {
        if (_writes.TryGetValue((table, id), out var written)) return written;
        return _store.Committed(table, id);
    }

    public IEnumerable<Entity> Rows(string table)
    {
        var committed = _store.Table(table).Rows;
        if (!_writtenTables.Contains(table))
        {
            foreach (var pair in committed) yield return pair.Value; // enumerating the dictionary itself: no snapshot copy
            yield break;
        }
        foreach (var pair in committed)
        {
            if (_writes.TryGetValue((table, pair.Key), out var own))
            {
                if (own is not null) yield return own;
            }
            else yield return pair.Value;
        }
        foreach (var key in _order)
        {
            if (key.Table == table && !committed.ContainsKey(key.Id) && _writes[key] is { } created) yield return created;
        }
    }

    /// <summary>Locks the row for this transaction (waiting for another writer to finish), then records the new version.</summary>
    public void Write(string table, Guid id, Entity? row)
    {
        LockRow(table, id);
        if (!_writes.ContainsKey((table, id))) _order.Add((table, id));
        _writes[(table, id)] = row;
        _writtenTables.Add(table);
    }

    public void LockRow(string table, Guid id) => Lock($"row|{table}|{id}", $"the {table} row {id}");

    /// <summary>Claims an alternate-key value so two transactions cannot both insert it.</summary>
    public void LockKeyValue(string table, string keyName, string value) => Lock($"key|{table}|{keyName}|{value}", $"the {table} key {keyName}");

    private void Lock(string key, string description)
    {
        if (_store.Locks.Acquire(key, this, description)) _locks.Add(key);
    }

    /// <summary>The id of another visible row holding this key value, if any.</summary>
    public Guid? FindByKey(TableMetadata table, AlternateKeyLookup key, string value, Guid exceptId)
    {
        var store = _store.Table(table.LogicalName);
        if (store.KeyIndexes.TryGetValue(key.Name, out var index) && index.TryGetValue(value, out var committedId) && committedId != exceptId)
        {
            var visible = Read(table.LogicalName, committedId);
            if (visible is not null && KeyValues.Of(visible, key.Columns) == value) return committedId;
        }
        if (_writtenTables.Contains(table.LogicalName))
        {
            foreach (var k in _order)
            {
                if (k.Table != table.LogicalName || k.Id == exceptId) continue;
                if (_writes[k] is { } row && KeyValues.Of(row, key.Columns) == value) return k.Id;
            }
        }
        return null;
    }

    /// <summary>Ids of the rows of <paramref name="table"/> whose <paramref name="column"/> points at the parent, as this transaction sees them.</summary>
    public IReadOnlyList<Guid> Children(string table, string column, Guid parentId)
    {
        var candidates = new HashSet<Guid>(_store.Table(table).CommittedChildren(column, parentId));
        if (_writtenTables.Contains(table))
        {
            foreach (var key in _order) if (key.Table == table) candidates.Add(key.Id);
        }
        return candidates.Where(id => Read(table, id)?.Attributes.TryGetValue(column, out var v) == true && v is EntityReference r && r.Id == parentId).ToList();
    }

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public IReadOnlyList<Action> Commit()
    {
        if (Completed) return Array.Empty<Action>();
        foreach (var key in _order)
        {
            _store.Table(key.Table).Apply(key.Id, _writes[key]);
            _store.NotifyCommitted(key.Table, key.Id);
        }
        End();
        return _afterCommit.ToList();
    }

    public void Rollback()
    {
        if (Completed) return;
        _writes.Clear();
        _order.Clear();
        End();
    }

    private void End()
    {
        Completed = true;
        foreach (var key in _locks) _store.Locks.Release(key, this);
        _locks.Clear();
    }
}

internal sealed record AlternateKeyLookup(string Name, IReadOnlyList<string> Columns);
