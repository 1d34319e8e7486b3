using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// The names a scenario gives records ("ana", "l1", "q1.opportunity") and the records they stand for. An `execute`
/// step's key is a prefix: its outputs are named "q1.ContactId", "q1.opportunity", so "q1" and "q1.…" are taken by it.
/// A step checks that its keys are free (<see cref="EnsureFree"/>, <see cref="EnsurePrefixFree"/>) before it sends
/// anything, so that naming the records afterwards cannot fail and a failed step leaves nothing behind.
/// </summary>
public sealed class RecordKeys
{
    private readonly Dictionary<string, EntityReference> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, Guid Id), string> _byRecord = new();
    private readonly Dictionary<string, int> _prefixes = new(StringComparer.Ordinal); // execute key → its step

    /// <summary>Fails when <paramref name="key"/> already names a record or belongs to an earlier request's outputs.</summary>
    public void EnsureFree(string key)
    {
        if (_byKey.TryGetValue(key, out var existing))
            throw new ScenarioStepException($"The key '{key}' already names another record ({existing.LogicalName} {existing.Id}); " +
                                            "give this one a key of its own.");
        if (OwningPrefix(key) is { } prefix)
            throw new ScenarioStepException($"The key '{key}' belongs to the outputs of the request keyed '{prefix}' (step {_prefixes[prefix]}); " +
                                            "give this record a key of its own.");
    }

    /// <summary>Fails when an execute step's key (the prefix of its outputs) is taken.</summary>
    public void EnsurePrefixFree(string prefix)
    {
        EnsureFree(prefix);
        if (_byKey.Keys.FirstOrDefault(key => key.StartsWith(prefix + ".", StringComparison.Ordinal)) is { } taken)
            throw new ScenarioStepException($"The key '{prefix}' cannot name this request's outputs: '{taken}' already names a record.");
    }

    public void ReservePrefix(string prefix, int step) => _prefixes[prefix] = step;

    /// <summary>Names a record (after the step that created it succeeded; its keys were checked before).</summary>
    public void Name(string key, EntityReference record)
    {
        if (_byKey.TryGetValue(key, out var existing) && (existing.LogicalName != record.LogicalName || existing.Id != record.Id))
            throw new InvalidOperationException($"The key '{key}' was checked free before the step ran, yet names {existing.LogicalName} {existing.Id}.");
        _byKey[key] = new EntityReference(record.LogicalName, record.Id);
        _byRecord.TryAdd((record.LogicalName, record.Id), key);
    }

    public EntityReference Resolve(string table, string key)
    {
        if (!_byKey.TryGetValue(key, out var record))
            throw new ScenarioStepException($"No record has the key '{key}' (keys are given by earlier steps' \"key\"; " +
                                            "a step that failed gave none).");
        if (record.LogicalName != table)
            throw new ScenarioStepException($"The key '{key}' names a {record.LogicalName}, not a {table}.");
        return new EntityReference(record.LogicalName, record.Id);
    }

    public string? KeyOf(string table, Guid id) => _byRecord.TryGetValue((table, id), out var key) ? key : null;

    private string? OwningPrefix(string key)
    {
        if (_prefixes.ContainsKey(key)) return key;
        for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
            if (_prefixes.ContainsKey(key[..dot])) return key[..dot];
        return null;
    }
}
