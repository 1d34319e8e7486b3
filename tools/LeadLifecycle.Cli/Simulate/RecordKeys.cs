using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>The names a scenario gives records ("ana", "l1", "q1.opportunity") and the records they stand for.</summary>
public sealed class RecordKeys
{
    private readonly Dictionary<string, EntityReference> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, Guid Id), string> _byRecord = new();

    public void Name(string key, EntityReference record)
    {
        if (_byKey.TryGetValue(key, out var existing) && (existing.LogicalName != record.LogicalName || existing.Id != record.Id))
            throw new ScenarioStepException($"The key '{key}' already names another record ({existing.LogicalName} {existing.Id}).");
        _byKey[key] = new EntityReference(record.LogicalName, record.Id);
        _byRecord.TryAdd((record.LogicalName, record.Id), key);
    }

    public EntityReference Resolve(string table, string key)
    {
        if (!_byKey.TryGetValue(key, out var record))
            throw new ScenarioStepException($"No record has the key '{key}' (keys are given by earlier steps' \"key\").");
        if (record.LogicalName != table)
            throw new ScenarioStepException($"The key '{key}' names a {record.LogicalName}, not a {table}.");
        return new EntityReference(record.LogicalName, record.Id);
    }

    public string? KeyOf(string table, Guid id) => _byRecord.TryGetValue((table, id), out var key) ? key : null;
}
