using LeadLifecycle.LocalOrg.Storage;

namespace LeadLifecycle.LocalOrg;

public sealed partial class LocalOrganization
{
    /// <summary>
    /// Follows the rows committed to <paramref name="tables"/> from now on — what Dataverse change tracking
    /// (RetrieveEntityChanges: new or updated and deleted rows since a data version) tells a client, without
    /// scanning the tables. Dispose the feed to stop following.
    /// </summary>
    public RowChangeFeed FollowChanges(IEnumerable<string> tables) => new(Store, tables);
}

/// <summary>The rows committed to some tables since the feed was opened or last read, each once, in first-commit order.</summary>
public sealed class RowChangeFeed : IDisposable
{
    private readonly object _gate = new();
    private readonly DataStore _store;
    private readonly HashSet<string> _tables;
    private readonly List<(string Table, Guid Id)> _order = new();
    private readonly HashSet<(string Table, Guid Id)> _pending = new();

    internal RowChangeFeed(DataStore store, IEnumerable<string> tables)
    {
        _store = store;
        _tables = new HashSet<string>(tables, StringComparer.Ordinal);
        _store.RowCommitted += OnCommitted;
    }

    /// <summary>The rows committed since the last call (created, updated or deleted: read them to see which), and forgets them.</summary>
    public IReadOnlyList<(string Table, Guid Id)> Take()
    {
        lock (_gate)
        {
            var changed = _order.ToList();
            _order.Clear();
            _pending.Clear();
            return changed;
        }
    }

    private void OnCommitted(string table, Guid id)
    {
        if (!_tables.Contains(table)) return;
        lock (_gate)
        {
            if (_pending.Add((table, id))) _order.Add((table, id));
        }
    }

    public void Dispose() => _store.RowCommitted -= OnCommitted;
}
