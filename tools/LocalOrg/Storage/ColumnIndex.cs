using LeadLifecycle.LocalOrg.Query.Values;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// An equality index on one column: the ids of the rows holding each value, values compared the way the query engine
/// compares them (<see cref="ScalarEquality"/>: text by the organization's collation, lookups by id, choices and money
/// by number). Empty values are not indexed (no equality condition keeps them).
/// It only ever narrows the rows a query looks at: the query's own predicate still decides. A lookup it cannot answer
/// exactly — a value of another kind than the column holds, which the engine would compare by text — says so (null),
/// and the query scans.
/// Not thread-safe: the owner (<see cref="TableStore"/> under its lock, or one <see cref="Transaction"/>) serialises access.
/// </summary>
internal sealed class ColumnIndex : IRowIndex
{
    private readonly Dictionary<Scalar, HashSet<Guid>> _byValue = new(ScalarEquality.Instance);
    private readonly int[] _kindCounts = new int[4];

    public void Add(Guid id, object? value)
    {
        var key = Scalar.From(value);
        if (key.IsNull) return;
        if (!_byValue.TryGetValue(key, out var ids)) _byValue[key] = ids = new HashSet<Guid>();
        if (ids.Add(id)) _kindCounts[KindClass(key)]++;
    }

    public void Remove(Guid id, object? value)
    {
        var key = Scalar.From(value);
        if (key.IsNull || !_byValue.TryGetValue(key, out var ids) || !ids.Remove(id)) return;
        _kindCounts[KindClass(key)]--;
        if (ids.Count == 0) _byValue.Remove(key);
    }

    /// <summary>How many rows hold one of the values; null when the index cannot answer for these values.</summary>
    public int? Count(IReadOnlyList<Scalar> values)
    {
        if (!CanAnswer(values)) return null;
        var count = 0;
        foreach (var value in values) count += _byValue.TryGetValue(value, out var ids) ? ids.Count : 0;
        return count;
    }

    /// <summary>The ids of the rows holding one of the values (unordered); null when the index cannot answer.</summary>
    public IReadOnlyCollection<Guid>? Lookup(IReadOnlyList<Scalar> values)
    {
        if (!CanAnswer(values)) return null;
        if (values.Count == 1) return _byValue.TryGetValue(values[0], out var single) ? single : Array.Empty<Guid>();
        var all = new HashSet<Guid>();
        foreach (var value in values)
            if (_byValue.TryGetValue(value, out var ids)) all.UnionWith(ids);
        return all;
    }

    /// <summary>
    /// True when every value is of the one kind the column holds: the engine then compares like with like, and values equal
    /// to it hash alike. Values of different kinds are compared by their text form, which this index does not model.
    /// </summary>
    private bool CanAnswer(IReadOnlyList<Scalar> values)
    {
        var held = -1;
        for (var k = 0; k < _kindCounts.Length; k++)
        {
            if (_kindCounts[k] == 0) continue;
            if (held >= 0) return false; // two kinds in one column: only a scan compares them as the engine does
            held = k;
        }
        foreach (var value in values)
        {
            if (value.IsNull) return false;
            if (held >= 0 && KindClass(value) != held) return false;
        }
        return true;
    }

    /// <summary>Kinds that compare with each other directly (numbers, choices, money and yes/no compare as numbers).</summary>
    public static int KindClass(in Scalar value) => value.Kind switch
    {
        ScalarKind.Text => 0,
        ScalarKind.Number or ScalarKind.Float or ScalarKind.Flag => 1,
        ScalarKind.Time => 2,
        _ => 3,
    };
}
