using System;
using System.Collections;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// A dictionary of SDK values over a plain <see cref="Dictionary{TKey,TValue}"/> (default comparer, so string keys are
/// case-sensitive and ordinal, as in the official SDK). The indexer throws KeyNotFoundException for a missing key.
/// </summary>
public abstract class DataCollection<TKey, TValue> : IEnumerable<KeyValuePair<TKey, TValue>>
{
    private readonly IDictionary<TKey, TValue> _inner;

    protected internal DataCollection()
    {
        _inner = new Dictionary<TKey, TValue>();
    }

    /// <summary>Wraps <paramref name="dictionary"/> (not a copy), as the official SDK does.</summary>
    protected internal DataCollection(IDictionary<TKey, TValue> dictionary)
    {
        _inner = dictionary ?? new Dictionary<TKey, TValue>();
    }

    public virtual TValue this[TKey key]
    {
        get => _inner[key];
        set
        {
            CheckIsReadOnly();
            _inner[key] = value;
        }
    }

    /// <summary>True for collections the platform hands out read-only; changing one throws InvalidOperationException.</summary>
    public virtual bool IsReadOnly { get; internal set; }

    public ICollection<TKey> Keys => _inner.Keys;

    public ICollection<TValue> Values => _inner.Values;

    public int Count => _inner.Count;

    public void Add(TKey key, TValue value)
    {
        CheckIsReadOnly();
        _inner.Add(key, value);
    }

    public void Add(KeyValuePair<TKey, TValue> item)
    {
        CheckIsReadOnly();
        _inner.Add(item);
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
            _inner.Add(item);
        }
    }

    public void Clear()
    {
        CheckIsReadOnly();
        _inner.Clear();
    }

    public bool Contains(TKey key) => _inner.ContainsKey(key);

    public bool Contains(KeyValuePair<TKey, TValue> key) => _inner.Contains(key);

    public bool ContainsKey(TKey key) => _inner.ContainsKey(key);

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => _inner.CopyTo(array, index);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _inner.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _inner.GetEnumerator();

    public bool Remove(TKey key)
    {
        CheckIsReadOnly();
        return _inner.Remove(key);
    }

    public bool Remove(KeyValuePair<TKey, TValue> item)
    {
        CheckIsReadOnly();
        return _inner.Remove(item);
    }

    public bool TryGetValue(TKey key, out TValue value) => _inner.TryGetValue(key, out value);

    private void CheckIsReadOnly()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("The collection is read-only.");
        }
    }
}
