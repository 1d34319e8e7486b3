using LeadLifecycle.LocalOrg.Query;
using LeadLifecycle.LocalOrg.Query.Values;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// An ordered index on one column: (value, id) pairs sorted by value, the way SQL Server serves lt / le / gt / ge /
/// between / not-null conditions from a nonclustered index instead of reading the table
/// (learn.microsoft.com/sql/relational-databases/sql-server-index-design-guide, "Nonclustered index design guidelines":
/// queries that return a range of values). Values of one kind are ordered exactly as the query engine orders them
/// (<see cref="Scalar.Compare"/>: dates by their ticks, numbers as decimals, floats as doubles); kinds are kept apart.
/// Empty values are not indexed (no range condition keeps them).
/// Like <see cref="ColumnIndex"/> it only narrows the rows a query looks at — the compiled criteria decide every row —
/// and says so (null) when it cannot answer exactly: a bound of a kind it does not order (text, ids), or a comparison
/// over a column that holds other kinds too, which the engine would compare by their text.
/// Not thread-safe: the owner (<see cref="TableStore"/> under its lock, or one <see cref="Transaction"/>) serialises access.
/// </summary>
internal sealed class RangeIndex : IRowIndex
{
    private static readonly Guid LastId = new("ffffffff-ffff-ffff-ffff-ffffffffffff");
    private readonly SortedSet<Entry> _entries = new(EntryOrder.Instance);
    private readonly int[] _kindCounts = new int[8];

    /// <summary>How many rows the index holds (rows with a value in the column).</summary>
    public int Count => _entries.Count;

    public void Add(Guid id, object? value)
    {
        var key = Scalar.From(value);
        if (key.IsNull) return;
        if (_entries.Add(new Entry(key, id))) _kindCounts[(int)key.Kind]++;
    }

    public void Remove(Guid id, object? value)
    {
        var key = Scalar.From(value);
        if (key.IsNull) return;
        if (_entries.Remove(new Entry(key, id))) _kindCounts[(int)key.Kind]--;
    }

    /// <summary>How many rows hold a value in the range; null when the index cannot answer, or when there are more than
    /// <paramref name="limit"/> (counting stops there: the caller reads the table instead).</summary>
    public int? CountIn(ValueRange range, int limit)
    {
        if (Candidates(range) is not { } candidates) return null;
        var count = 0;
        foreach (var _ in candidates)
            if (++count > limit) return null;
        return count;
    }

    /// <summary>The ids of the rows holding a value in the range (in value order); null when the index cannot answer.</summary>
    public List<Guid>? Lookup(ValueRange range) => Candidates(range)?.ToList();

    /// <summary>
    /// The kind of value every entry holds when it is one kind the index orders exactly and the range's bounds (if any)
    /// are of it; null otherwise (mixed kinds, text, ids: the engine's order is then not the index's). Empty index: the
    /// bounds' kind, or Time.
    /// </summary>
    public ScalarKind? OrderedKind(ValueRange range)
    {
        ScalarKind? held = null;
        for (var k = 0; k < _kindCounts.Length; k++)
        {
            if (_kindCounts[k] == 0) continue;
            if (held is not null) return null;
            held = (ScalarKind)k;
        }
        var bound = range.Low.IsNull ? range.High : range.Low;
        if (!bound.IsNull)
        {
            if (held is { } h && h != bound.Kind) return null;
            if (!range.Low.IsNull && !range.High.IsNull && range.Low.Kind != range.High.Kind) return null;
            held = bound.Kind;
        }
        held ??= ScalarKind.Time;
        return held is ScalarKind.Number or ScalarKind.Float or ScalarKind.Time ? held : null;
    }

    /// <summary>
    /// Up to <paramref name="count"/> entries of the range in value order (ascending or descending), strictly after
    /// <paramref name="after"/> in that order when given. The caller checked <see cref="OrderedKind"/>.
    /// </summary>
    public List<(Scalar Value, Guid Id)> Walk(ValueRange range, ScalarKind kind, bool descending, (Scalar Value, Guid Id)? after, int count)
    {
        var result = new List<(Scalar, Guid)>(Math.Min(count, 256));
        var lower = new Entry(range.Low.IsNull ? Smallest(kind) : range.Low, Guid.Empty);
        var upper = new Entry(range.High.IsNull ? Largest(kind) : range.High, LastId);
        if (after is { } a)
        {
            var from = new Entry(a.Value, a.Id);
            if (descending) upper = from; else lower = from;
        }
        if (EntryOrder.Instance.Compare(lower, upper) > 0) return result;
        var view = _entries.GetViewBetween(lower, upper);
        foreach (var entry in descending ? view.Reverse() : view)
        {
            if (after is { } b && entry.Id == b.Id && Scalar.Compare(entry.Value, b.Value) == 0) continue;
            if (!range.Contains(entry.Value)) continue;
            result.Add((entry.Value, entry.Id));
            if (result.Count >= count) break;
        }
        return result;
    }

    private IEnumerable<Guid>? Candidates(ValueRange range)
    {
        if (range.IsAnyValue) return _entries.Select(static e => e.Id);
        var kind = range.Low.IsNull ? range.High.Kind : range.Low.Kind;
        if (kind is not (ScalarKind.Number or ScalarKind.Float or ScalarKind.Time)) return null;
        if (!range.Low.IsNull && !range.High.IsNull && range.Low.Kind != range.High.Kind) return null;
        if (!range.OtherKindsNeverMatch)
        {
            for (var k = 0; k < _kindCounts.Length; k++)
                if (k != (int)kind && _kindCounts[k] > 0) return null; // mixed kinds: only a scan compares them as the engine does
        }
        if (_kindCounts[(int)kind] == 0) return Array.Empty<Guid>();
        var lower = new Entry(range.Low.IsNull ? Smallest(kind) : range.Low, Guid.Empty);
        var upper = new Entry(range.High.IsNull ? Largest(kind) : range.High, LastId);
        if (EntryOrder.Instance.Compare(lower, upper) > 0) return Array.Empty<Guid>();
        return InRange(_entries.GetViewBetween(lower, upper), range);
    }

    private static IEnumerable<Guid> InRange(SortedSet<Entry> view, ValueRange range)
    {
        foreach (var entry in view)
            if (range.Contains(entry.Value)) yield return entry.Id; // the bounds' own values when they are exclusive
    }

    private static Scalar Smallest(ScalarKind kind) => kind switch
    {
        ScalarKind.Time => Scalar.OfTime(DateTime.MinValue),
        ScalarKind.Float => Scalar.OfReal(double.NaN), // double.CompareTo puts NaN below every number
        _ => Scalar.OfNumber(decimal.MinValue),
    };

    private static Scalar Largest(ScalarKind kind) => kind switch
    {
        ScalarKind.Time => Scalar.OfTime(DateTime.MaxValue),
        ScalarKind.Float => Scalar.OfReal(double.PositiveInfinity),
        _ => Scalar.OfNumber(decimal.MaxValue),
    };

    private readonly record struct Entry(Scalar Value, Guid Id);

    /// <summary>By kind, then by value as the engine compares values of that kind (text ordinally: text ranges are never
    /// answered, the order only has to be total), then by id.</summary>
    private sealed class EntryOrder : IComparer<Entry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(Entry a, Entry b)
        {
            var c = a.Value.Kind.CompareTo(b.Value.Kind);
            if (c != 0) return c;
            c = a.Value.Kind switch
            {
                ScalarKind.Text => string.CompareOrdinal(a.Value.Text, b.Value.Text),
                ScalarKind.Number or ScalarKind.Flag => a.Value.Number.CompareTo(b.Value.Number),
                ScalarKind.Float => a.Value.Real.CompareTo(b.Value.Real),
                ScalarKind.Time => a.Value.Time.CompareTo(b.Value.Time),
                ScalarKind.Id => a.Value.Id.CompareTo(b.Value.Id),
                _ => 0,
            };
            return c != 0 ? c : a.Id.CompareTo(b.Id);
        }
    }
}
