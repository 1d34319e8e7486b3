using LeadLifecycle.LocalOrg.Metadata;
using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Query.Values;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// One database transaction: the writes of a top-level operation and of every synchronous plug-in step it causes.
/// Writes stay private until <see cref="Commit"/>; rows written (and alternate-key values claimed) are locked until
/// the transaction ends, so concurrent writers of the same row wait, and readers outside see committed data only.
/// Its own writes are kept per table with the same indexes as the committed store (alternate keys, and the columns
/// queries look up), so what it costs to read through them does not grow with the number of rows it wrote.
/// </summary>
internal sealed class Transaction
{
    private readonly DataStore _store;
    private readonly Dictionary<string, TableWrites> _tables = new(StringComparer.Ordinal);
    private readonly List<(string Table, Guid Id)> _order = new();
    private readonly List<string> _locks = new();
    private readonly List<Action> _afterCommit = new();

    public Transaction(DataStore store) { _store = store; }

    /// <summary>Set when an operation inside the transaction failed: Dataverse then refuses further work in it.</summary>
    public bool Aborted { get; set; }
    public bool Completed { get; private set; }

    /// <summary>The row as this transaction sees it (own writes first, then committed), or null. Never mutate the result.</summary>
    public Entity? Read(string table, Guid id)
    {
        if (_tables.TryGetValue(table, out var writes) && writes.Rows.TryGetValue(id, out var written)) return written;
        return _store.Committed(table, id);
    }

    /// <summary>Every row of the table as this transaction sees it: committed rows in table order (its own versions in their
    /// place, its deletions left out), then the rows it created, in the order it created them.</summary>
    public IEnumerable<Entity> Rows(string table)
    {
        var committed = _store.Table(table);
        if (!_tables.TryGetValue(table, out var writes))
        {
            foreach (var stored in committed.InOrder())
                if (stored.Row is { } row) yield return row;
            yield break;
        }
        foreach (var stored in committed.InOrder())
        {
            if (writes.Rows.TryGetValue(stored.Id, out var own))
            {
                if (own is not null) yield return own;
            }
            else if (stored.Row is { } row) yield return row;
        }
        foreach (var id in writes.Order)
        {
            if (committed.PositionOf(id) is null && writes.Rows[id] is { } created) yield return created;
        }
    }

    /// <summary>How many rows may match one of the lookups (committed ones plus this transaction's own): an upper bound;
    /// null when one of them cannot be answered by an index.</summary>
    public int? CountMatching(string table, IReadOnlyList<IndexLookup> anyOf)
    {
        var store = _store.Table(table);
        _tables.TryGetValue(table, out var writes);
        var total = 0;
        foreach (var lookup in anyOf)
        {
            if (lookup.Range is { } range)
            {
                if (lookup.Attribute == store.Metadata.PrimaryIdAttribute) return null;
                var limit = Math.Min(RangeLimit(store.Count), lookup.CountLimit);
                if (limit < 0) return null;
                if (store.CountInRange(lookup.Attribute, range, limit) is not int inRange) return null;
                var ownInRange = writes is null ? 0 : writes.Range(lookup.Attribute).CountIn(range, limit);
                if (ownInRange is null || inRange + ownInRange.Value > limit) return null;
                total += inRange + ownInRange.Value;
                continue;
            }
            if (lookup.Attribute == store.Metadata.PrimaryIdAttribute)
            {
                if (lookup.Values.Any(v => v.Kind != ScalarKind.Id)) return null;
                total += lookup.Values.Count;
                continue;
            }
            if (store.CountMatching(lookup.Attribute, lookup.Values) is not int committed) return null;
            var own = writes is null ? 0 : writes.Index(lookup.Attribute).Count(lookup.Values);
            if (own is null) return null;
            total += committed + own.Value;
        }
        return total;
    }

    /// <summary>
    /// The most rows a range lookup may select for an index to be worth reading instead of the table: a small part of it
    /// (an eighth), and never fewer than 64. Past it, counting stops and the query scans as before.
    /// </summary>
    public static int RangeLimit(int tableRows) => Math.Max(64, tableRows / 8);

    /// <summary>
    /// The rows, as this transaction sees them, that may match one of the lookups — every row that does, in the order
    /// <see cref="Rows"/> gives them (rows that no longer match may come too: the caller's predicate decides).
    /// Null when one of the lookups cannot be answered by an index.
    /// </summary>
    public List<Entity>? RowsMatching(string table, IReadOnlyList<IndexLookup> anyOf)
    {
        var store = _store.Table(table);
        _tables.TryGetValue(table, out var writes);
        var candidates = new HashSet<Guid>();
        foreach (var lookup in anyOf)
        {
            if (lookup.Range is { } range)
            {
                if (lookup.Attribute == store.Metadata.PrimaryIdAttribute) return null;
                if (store.IdsInRange(lookup.Attribute, range) is not { } inRange) return null;
                candidates.UnionWith(inRange);
                if (writes is null) continue;
                if (writes.Range(lookup.Attribute).Lookup(range) is not { } ownInRange) return null;
                candidates.UnionWith(ownInRange);
                continue;
            }
            if (lookup.Attribute == store.Metadata.PrimaryIdAttribute)
            {
                if (lookup.Values.Any(v => v.Kind != ScalarKind.Id)) return null;
                foreach (var value in lookup.Values) candidates.Add(value.Id);
                continue;
            }
            if (store.MatchingIds(lookup.Attribute, lookup.Values) is not { } committed) return null;
            candidates.UnionWith(committed);
            if (writes is null) continue;
            if (writes.Index(lookup.Attribute).Lookup(lookup.Values) is not { } own) return null;
            candidates.UnionWith(own);
        }
        return InTableOrder(store, writes, candidates);
    }

    /// <summary>
    /// Every row of the table as this transaction sees it (the same rows as <see cref="Rows"/>), in primary-key order
    /// (ascending, or descending), starting at <paramref name="from"/> (inclusive) when given. Lazy: a caller that stops
    /// after a page reads a page. Committed ids come from the table's key-ordered snapshot, this transaction's own
    /// creations are merged in by key.
    /// </summary>
    public IEnumerable<Entity> RowsInKeyOrder(string table, Guid? from, bool descending)
    {
        var store = _store.Table(table);
        _tables.TryGetValue(table, out var writes);
        var committed = store.IdsInKeyOrder();
        var created = writes is null
            ? new List<Guid>()
            : writes.Order.Where(id => store.PositionOf(id) is null && writes.Rows[id] is not null).ToList();
        created.Sort();
        if (descending) created.Reverse();
        var ci = 0;
        int step = descending ? -1 : 1, i;
        if (from is not Guid start) i = descending ? committed.Length - 1 : 0;
        else
        {
            var at = Array.BinarySearch(committed, start);
            i = at >= 0 ? at : descending ? ~at - 1 : ~at;
            while (ci < created.Count && (descending ? created[ci].CompareTo(start) > 0 : created[ci].CompareTo(start) < 0)) ci++;
        }
        while (true)
        {
            var haveCommitted = i >= 0 && i < committed.Length;
            var haveCreated = ci < created.Count;
            if (!haveCommitted && !haveCreated) yield break;
            Guid id;
            if (haveCommitted && (!haveCreated || (descending ? committed[i].CompareTo(created[ci]) > 0 : committed[i].CompareTo(created[ci]) < 0)))
            {
                id = committed[i];
                i += step;
                Entity? own = null;
                var row = writes is not null && writes.Rows.TryGetValue(id, out own) ? own : store.Get(id);
                if (row is not null) yield return row;
            }
            else
            {
                id = created[ci++];
                if (writes!.Rows[id] is { } row && store.PositionOf(id) is null) yield return row;
            }
        }
    }

    /// <summary>
    /// The rows of the table as this transaction sees them whose column holds a value in the range, in groups of equal
    /// values: groups in value order (ascending or descending), each group in the order <see cref="Rows"/> gives its rows
    /// — the order a stable sort by that column gives. Lazy: committed entries are read from the ordered index a chunk
    /// at a time, merged with this transaction's own versions (its updates and deletes replace the committed entries).
    /// Null when the column holds values the index does not order as the engine does.
    /// </summary>
    public IEnumerable<List<Entity>>? RowGroupsInValueOrder(string table, string column, ValueRange range, bool descending)
    {
        var store = _store.Table(table);
        _tables.TryGetValue(table, out var writes);
        if (store.OrderedKind(column, range) is not { } kind) return null;
        var own = new List<(Scalar Value, Guid Id)>();
        if (writes is not null)
        {
            var ownIndex = writes.Range(column);
            if (ownIndex.Count > 0 && ownIndex.OrderedKind(range) != kind) return null; // its own writes hold another kind
            own = ownIndex.Walk(range, kind, descending, null, int.MaxValue);
        }
        return Groups(store, writes, column, range, kind, descending, own);
    }

    private IEnumerable<List<Entity>> Groups(TableStore store, TableWrites? writes, string column, ValueRange range, ScalarKind kind, bool descending, List<(Scalar Value, Guid Id)> own)
    {
        const int Chunk = 64;
        var committed = new List<(Scalar Value, Guid Id)>();
        var ci = 0;
        var oi = 0;
        var exhausted = false;
        (Scalar Value, Guid Id)? last = null;
        bool NextCommitted(out (Scalar Value, Guid Id) entry)
        {
            while (true)
            {
                if (ci < committed.Count)
                {
                    entry = committed[ci];
                    if (writes is not null && writes.Rows.ContainsKey(entry.Id)) { ci++; continue; } // its own version is in `own`
                    return true;
                }
                if (exhausted) { entry = default; return false; }
                committed = store.WalkRange(column, range, kind, descending, last, Chunk);
                ci = 0;
                if (committed.Count < Chunk) exhausted = true;
                if (committed.Count > 0) last = committed[^1];
            }
        }
        int Order(Scalar a, Scalar b) => descending ? Scalar.Compare(b, a) : Scalar.Compare(a, b);
        var group = new List<Guid>();
        Scalar groupValue = default;
        while (true)
        {
            var haveCommitted = NextCommitted(out var c);
            var haveOwn = oi < own.Count;
            if (!haveCommitted && !haveOwn) break;
            (Scalar Value, Guid Id) next;
            if (haveCommitted && (!haveOwn || Order(c.Value, own[oi].Value) <= 0)) { next = c; ci++; }
            else next = own[oi++];
            if (group.Count > 0 && Scalar.Compare(next.Value, groupValue) != 0)
            {
                yield return InTableOrder(store, writes, group);
                group = new List<Guid>();
            }
            if (group.Count == 0) groupValue = next.Value;
            group.Add(next.Id);
        }
        if (group.Count > 0) yield return InTableOrder(store, writes, group);
    }

    /// <summary>The rows with these ids as this transaction sees them, in the order <see cref="Rows"/> gives them.</summary>
    public List<Entity> RowsWithIds(string table, IEnumerable<Guid> ids)
    {
        _tables.TryGetValue(table, out var writes);
        return InTableOrder(_store.Table(table), writes, ids.ToHashSet());
    }

    /// <summary>Committed rows first, by their place in the table (this transaction's version where it wrote one), then the
    /// rows this transaction created, in the order it created them; rows that do not exist (any more) are left out.</summary>
    private static List<Entity> InTableOrder(TableStore store, TableWrites? writes, IEnumerable<Guid> ids)
    {
        var placed = new List<(long Position, Entity Row)>();
        var created = new List<(int Sequence, Entity Row)>();
        foreach (var id in ids)
        {
            Entity? own = null;
            var wrote = writes is not null && writes.Rows.TryGetValue(id, out own);
            var position = store.PositionOf(id);
            var row = wrote ? own : position is null ? null : store.Get(id);
            if (row is null) continue;
            if (position is long p) placed.Add((p, row));
            else if (wrote) created.Add((writes!.Sequence[id], row));
        }
        placed.Sort(static (a, b) => a.Position.CompareTo(b.Position));
        created.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        var result = new List<Entity>(placed.Count + created.Count);
        foreach (var (_, row) in placed) result.Add(row);
        foreach (var (_, row) in created) result.Add(row);
        return result;
    }

    /// <summary>Locks the row for this transaction (waiting for another writer to finish), then records the new version.</summary>
    public void Write(string table, Guid id, Entity? row)
    {
        LockRow(table, id);
        if (!_tables.TryGetValue(table, out var writes)) _tables[table] = writes = new TableWrites(_store.Table(table).Metadata);
        if (writes.Set(id, row)) _order.Add((table, id));
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
        if (_store.Table(table.LogicalName).KeyHolder(key.Name, value) is Guid committedId && committedId != exceptId)
        {
            var visible = Read(table.LogicalName, committedId);
            if (visible is not null && KeyValues.Of(visible, key.Columns) == value) return committedId;
        }
        if (_tables.TryGetValue(table.LogicalName, out var writes)) return writes.KeyHolder(key.Name, value, exceptId);
        return null;
    }

    /// <summary>Ids of the rows of <paramref name="table"/> whose <paramref name="column"/> points at the parent, as this
    /// transaction sees them: committed ones in table order, then this transaction's own.</summary>
    public IReadOnlyList<Guid> Children(string table, string column, Guid parentId)
    {
        var candidates = new List<Guid>(_store.Table(table).CommittedChildren(column, parentId));
        if (_tables.TryGetValue(table, out var writes) && writes.Index(column).Lookup(new[] { Scalar.OfId(parentId) }) is { } own)
        {
            var known = new HashSet<Guid>(candidates);
            candidates.AddRange(own.Where(known.Add).OrderBy(id => writes.Sequence[id]));
        }
        return candidates.Where(id => Read(table, id)?.Attributes.TryGetValue(column, out var v) == true && v is EntityReference r && r.Id == parentId).ToList();
    }

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public IReadOnlyList<Action> Commit()
    {
        if (Completed) return Array.Empty<Action>();
        foreach (var (table, id) in _order)
        {
            _store.Table(table).Apply(id, _tables[table].Rows[id]);
            _store.NotifyCommitted(table, id);
        }
        End();
        return _afterCommit.ToList();
    }

    public void Rollback()
    {
        if (Completed) return;
        _tables.Clear();
        _order.Clear();
        End();
    }

    private void End()
    {
        Completed = true;
        foreach (var key in _locks) _store.Locks.Release(key, this);
        _locks.Clear();
    }

    /// <summary>This transaction's writes to one table: the latest version of each row (null = deleted), the order rows were
    /// first written, and indexes over them (alternate-key values; equality and ordered indexes built when a query first asks).</summary>
    private sealed class TableWrites(TableMetadata metadata)
    {
        public Dictionary<Guid, Entity?> Rows { get; } = new();
        public Dictionary<Guid, int> Sequence { get; } = new();
        public List<Guid> Order { get; } = new();
        private readonly Dictionary<string, Dictionary<string, HashSet<Guid>>> _keys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ColumnIndex> _columns = new(StringComparer.Ordinal);
        private readonly Dictionary<string, RangeIndex> _ranges = new(StringComparer.Ordinal);

        /// <summary>Records the row's new version; true when the row is written for the first time in this transaction.</summary>
        public bool Set(Guid id, Entity? row)
        {
            var first = !Rows.TryGetValue(id, out var previous);
            foreach (var key in metadata.AlternateKeys)
            {
                if (!_keys.TryGetValue(key.LogicalName, out var holders)) _keys[key.LogicalName] = holders = new(StringComparer.Ordinal);
                if (previous is not null && KeyValues.Of(previous, key.Columns) is { } oldValue && holders.TryGetValue(oldValue, out var old)) old.Remove(id);
                if (row is not null && KeyValues.Of(row, key.Columns) is { } newValue)
                {
                    if (!holders.TryGetValue(newValue, out var ids)) holders[newValue] = ids = new HashSet<Guid>();
                    ids.Add(id);
                }
            }
            RowIndexes.Move(_columns, id, previous, row);
            RowIndexes.Move(_ranges, id, previous, row);
            Rows[id] = row;
            if (first)
            {
                Sequence[id] = Order.Count;
                Order.Add(id);
            }
            return first;
        }

        /// <summary>The first row (in write order) other than <paramref name="exceptId"/> holding the key value.</summary>
        public Guid? KeyHolder(string keyName, string value, Guid exceptId)
        {
            if (!_keys.TryGetValue(keyName, out var holders) || !holders.TryGetValue(value, out var ids)) return null;
            Guid? first = null;
            foreach (var id in ids)
                if (id != exceptId && (first is null || Sequence[id] < Sequence[first.Value])) first = id;
            return first;
        }

        public ColumnIndex Index(string column) => RowIndexes.On(_columns, column, Rows.Select(pair => (pair.Key, pair.Value)));

        public RangeIndex Range(string column) => RowIndexes.On(_ranges, column, Rows.Select(pair => (pair.Key, pair.Value)));
    }
}

internal sealed record AlternateKeyLookup(string Name, IReadOnlyList<string> Columns);
