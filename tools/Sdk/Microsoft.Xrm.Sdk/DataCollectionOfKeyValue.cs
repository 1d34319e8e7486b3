using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A dictionary of SDK values over a plain <see cref="Dictionary{TKey,TValue}"/> (default comparer, so string keys are
/// case-sensitive and ordinal, as in the official SDK). The indexer throws KeyNotFoundException for a missing key.
/// The dictionary is made on the first write (or the first call for a live view, Keys / Values): most collections of
/// an entity or a reference (FormattedValues, RelatedEntities, KeyAttributes) stay empty, and an in-memory organization
/// holds hundreds of thousands of them. Reads of a collection with none behave as reads of an empty dictionary.
/// </summary>
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
{
    private static readonly Dictionary<TKey, TValue> NoEntries = new Dictionary<TKey, TValue>();
    private IDictionary<TKey, TValue> _inner;

    protected internal DataCollection()
    {
    }

    /// <summary>The entries for reading: an empty dictionary (never written) until the first write.</summary>
    private IDictionary<TKey, TValue> Read => _inner ?? NoEntries;

    /// <summary>The entries for writing (or a live view): made now if there were none.</summary>
    private IDictionary<TKey, TValue> Write => _inner ?? (_inner = new Dictionary<TKey, TValue>());

    /// <summary>Wraps <paramref name="dictionary"/> (not a copy), as the official SDK does.</summary>
    protected internal DataCollection(IDictionary<TKey, TValue> dictionary)
    {
        _inner = dictionary ?? new Dictionary<TKey, TValue>();
    }

    public virtual TValue this[TKey key]
    {
        get => Read[key];
        set
        {
            CheckIsReadOnly();
            Write[key] = value;
        }
    }

    /// <summary>True for collections the platform hands out read-only; changing one throws InvalidOperationException.</summary>
    public virtual bool IsReadOnly { get; internal set; }

    public ICollection<TKey> Keys => Write.Keys;

    public ICollection<TValue> Values => Write.Values;

    public int Count => _inner?.Count ?? 0;

    public void Add(TKey key, TValue value)
    {
        CheckIsReadOnly();
        Write.Add(key, value);
    }

    public void Add(KeyValuePair<TKey, TValue> item)
    {
        CheckIsReadOnly();
        Write.Add(item);
    }

    public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

    public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        if (items == null)
        {
            return;
        }

        CheckIsReadOnly();
        foreach (KeyValuePair<TKey, TValue> item in items)
        {
            Write.Add(item);
        }
    }

    public void Clear()
    {
        CheckIsReadOnly();
        _inner?.Clear();
    }

    public bool Contains(TKey key) => Read.ContainsKey(key);

    public bool Contains(KeyValuePair<TKey, TValue> key) => Read.Contains(key);

    public bool ContainsKey(TKey key) => Read.ContainsKey(key);

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => Read.CopyTo(array, index);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => Read.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Read.GetEnumerator();

    public bool Remove(TKey key)
    {
        CheckIsReadOnly();
        return _inner != null && _inner.Remove(key);
    }

    public bool Remove(KeyValuePair<TKey, TValue> item)
    {
        CheckIsReadOnly();
        return _inner != null && _inner.Remove(item);
    }

    public bool TryGetValue(TKey key, out TValue value) => Read.TryGetValue(key, out value);

    private void CheckIsReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("The collection is read-only.");
        }
    }
}
