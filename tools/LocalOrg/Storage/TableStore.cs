using System.Collections.Concurrent;
using LeadLifecycle.LocalOrg.Metadata;
using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// The committed rows of one table: by id, in the order they were first committed (the order a query without an order
/// sees them — Dataverse does not promise one, learn.microsoft.com/power-apps/developer/data-platform/fetchxml/order-rows,
/// and the local organization keeps it stable), with one unique index per alternate key and equality indexes on the
/// columns queries filter on by equality, ordered (range) indexes on the date and number columns they filter on by
/// range (each built on first use, then kept in step with every commit).
/// Reads never wait on a lock for long: a scan copies the row slots under the table's lock and reads them after;
/// lookups by id are lock-free.
/// </summary>
internal sealed class TableStore
{
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<Guid, StoredRow> _byId = new();
    private StoredRow[] _slots = new StoredRow[16];
    private int _count;
    private int _removed;
    private long _nextPosition;
    private readonly Dictionary<string, Dictionary<string, Guid>> _keyIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColumnIndex> _columnIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RangeIndex> _rangeIndexes = new(StringComparer.Ordinal);
    private readonly ValuePool _values = new();
    private Guid[]? _sortedIds; // the committed ids in primary-key order; dropped when an id comes or goes (not on updates)

    public TableStore(TableMetadata metadata)
    {
        Metadata = metadata;
        foreach (var key in metadata.AlternateKeys) _keyIndexes[key.LogicalName] = new Dictionary<string, Guid>(StringComparer.Ordinal);
        Rows = new CommittedRows(this);
    }

    /// <summary>Lookups that can make this row a child of another (for delete cascades); user/team/business unit
    /// references (owner, created by, ...) are never cascaded.</summary>
    public static bool IsParentLookup(LeadLifecycle.SolutionModel.ColumnDefinition column) =>
        column.Type is LeadLifecycle.SolutionModel.ColumnType.Lookup or LeadLifecycle.SolutionModel.ColumnType.Customer &&
        (column.Targets is null || column.Targets.Count == 0 || column.Targets.Any(t => t is not ("systemuser" or "team" or "businessunit")));

    public TableMetadata Metadata { get; }

    /// <summary>Committed rows. Values are never mutated once stored: a write replaces the whole row.</summary>
    public CommittedRows Rows { get; }

    public int Count => _byId.Count;

    public Entity? Get(Guid id) => _byId.TryGetValue(id, out var stored) ? stored.Row : null;

    /// <summary>Where the row stands in the table's order (first commit); null when it is not committed.</summary>
    public long? PositionOf(Guid id) => _byId.TryGetValue(id, out var stored) && stored.Row is not null ? stored.Position : null;

    /// <summary>The committed rows in order, as they are when the scan reaches them (rows removed meanwhile are skipped).</summary>
    public IEnumerable<StoredRow> InOrder()
    {
        StoredRow[] slots;
        int count;
        lock (_gate) { slots = _slots; count = _count; }
        for (var i = 0; i < count; i++)
        {
            var stored = slots[i];
            if (stored.Row is not null) yield return stored;
        }
    }

    /// <summary>
    /// The committed ids in primary-key order (<see cref="Guid.CompareTo(Guid)"/>, the order the query engine sorts ids in),
    /// as of the call: an immutable snapshot, kept until a row is added or removed (updates keep it), so paging through a
    /// table by its key costs a binary search and the page's rows, not a scan and a sort of the table.
    /// </summary>
    public Guid[] IdsInKeyOrder()
    {
        lock (_gate)
        {
            if (_sortedIds is { } cached) return cached;
            var ids = new Guid[_byId.Count];
            var n = 0;
            for (var i = 0; i < _count; i++)
                if (_slots[i].Row is not null) ids[n++] = _slots[i].Id;
            if (n != ids.Length) Array.Resize(ref ids, n);
            Array.Sort(ids);
            return _sortedIds = ids;
        }
    }

    /// <summary>The committed row holding an alternate-key value, if any.</summary>
    public Guid? KeyHolder(string keyName, string value)
    {
        lock (_gate) return _keyIndexes.TryGetValue(keyName, out var index) && index.TryGetValue(value, out var id) ? id : null;
    }

    /// <summary>How many committed rows hold one of the values in the column; null when no index can say.</summary>
    public int? CountMatching(string column, IReadOnlyList<Scalar> values)
    {
        lock (_gate) return IndexOn(column).Count(values);
    }

    /// <summary>Ids of the committed rows holding one of the values in the column (unordered); null when no index can say.</summary>
    public List<Guid>? MatchingIds(string column, IReadOnlyList<Scalar> values)
    {
        lock (_gate) return IndexOn(column).Lookup(values)?.ToList();
    }

    /// <summary>
    /// How many committed rows hold a value in the range; null when no index can say, or when they are more than
    /// <paramref name="limit"/> (counting stops there).
    /// </summary>
    public int? CountInRange(string column, ValueRange range, int limit)
    {
        lock (_gate) return RangeOn(column).CountIn(range, limit);
    }

    /// <summary>Ids of the committed rows holding a value in the range (in value order); null when no index can say.</summary>
    public List<Guid>? IdsInRange(string column, ValueRange range)
    {
        lock (_gate) return RangeOn(column).Lookup(range);
    }

    /// <summary>The one kind the column's ordered index holds (see <see cref="RangeIndex.OrderedKind"/>); null when none.</summary>
    public ScalarKind? OrderedKind(string column, ValueRange range)
    {
        lock (_gate) return RangeOn(column).OrderedKind(range);
    }

    /// <summary>The next committed entries of the range in value order (a chunk: the lock is not held between chunks).</summary>
    public List<(Scalar Value, Guid Id)> WalkRange(string column, ValueRange range, ScalarKind kind, bool descending, (Scalar Value, Guid Id)? after, int count)
    {
        lock (_gate) return RangeOn(column).Walk(range, kind, descending, after, count);
    }

    /// <summary>Ids of the committed rows whose lookup column points at the parent, in table order.</summary>
    public IEnumerable<Guid> CommittedChildren(string column, Guid parentId)
    {
        var ids = MatchingIds(column, new[] { Scalar.OfId(parentId) });
        if (ids is null) return InOrder().Where(r => r.Row?.GetAttributeValue<EntityReference>(column)?.Id == parentId).Select(r => r.Id).ToList();
        return ids.Select(id => (Id: id, Position: PositionOf(id))).Where(r => r.Position is not null).OrderBy(r => r.Position).Select(r => r.Id).ToList();
    }

    /// <summary>Applies a committed write (null = delete), keeping the indexes in step.</summary>
    public void Apply(Guid id, Entity? row)
    {
        lock (_gate)
        {
            if (row is not null) _values.Share(row);
            _byId.TryGetValue(id, out var stored);
            var previous = stored?.Row;
            foreach (var key in Metadata.AlternateKeys)
            {
                var index = _keyIndexes[key.LogicalName];
                var oldValue = previous is null ? null : KeyValues.Of(previous, key.Columns);
                var newValue = row is null ? null : KeyValues.Of(row, key.Columns);
                if (oldValue == newValue) continue;
                if (oldValue is not null && index.TryGetValue(oldValue, out var holder) && holder == id) index.Remove(oldValue);
                if (newValue is not null) index[newValue] = id;
            }
            RowIndexes.Move(_columnIndexes, id, previous, row);
            RowIndexes.Move(_rangeIndexes, id, previous, row);
            if (row is null)
            {
                if (stored is null) return;
                stored.Row = null;
                _byId.TryRemove(id, out _);
                _sortedIds = null;
                if (++_removed > 64 && _removed > _count / 2) Compact();
            }
            else if (stored is not null) stored.Row = row;
            else Append(id, row);
        }
    }

    private void Append(Guid id, Entity row)
    {
        var stored = new StoredRow(id, _nextPosition++, row);
        if (_count == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2); // scans in progress keep the old array
        _slots[_count++] = stored;
        _byId[id] = stored;
        _sortedIds = null;
    }

    /// <summary>Drops removed slots once they are half the array (a new array: scans in progress keep theirs).</summary>
    private void Compact()
    {
        var live = new StoredRow[Math.Max(16, _slots.Length)];
        var n = 0;
        for (var i = 0; i < _count; i++)
            if (_slots[i].Row is not null) live[n++] = _slots[i];
        _slots = live;
        _count = n;
        _removed = 0;
    }

    private ColumnIndex IndexOn(string column) => RowIndexes.On(_columnIndexes, column, StoredRows());

    private RangeIndex RangeOn(string column) => RowIndexes.On(_rangeIndexes, column, StoredRows());

    private IEnumerable<(Guid Id, Entity? Row)> StoredRows()
    {
        for (var i = 0; i < _count; i++) yield return (_slots[i].Id, _slots[i].Row);
    }

    /// <summary>One committed row and its place in the table's order. <see cref="Row"/> is null once the row is deleted.</summary>
    internal sealed class StoredRow(Guid id, long position, Entity row)
    {
        private volatile Entity? _row = row;
        public Guid Id { get; } = id;
        public long Position { get; } = position;
        public Entity? Row { get => _row; set => _row = value; }
    }

    /// <summary>The committed rows as a read-only map (for assertions and arranging): Values in table order.</summary>
    internal sealed class CommittedRows(TableStore table)
    {
        public IEnumerable<Entity> Values => table.InOrder().Select(r => r.Row!).Where(r => r is not null);
        public bool TryGetValue(Guid id, out Entity row)
        {
            row = table.Get(id)!;
            return row is not null;
        }
        public bool ContainsKey(Guid id) => table.Get(id) is not null;
        public int Count => table.Count;
    }
}
