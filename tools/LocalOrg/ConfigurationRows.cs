using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg;

/// <summary>The shipped configuration data (Solution/data, a Configuration Migration tool package) as SDK entities.</summary>
internal static class ConfigurationRows
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ConfigurationData?>> Cache = new(StringComparer.Ordinal);

    /// <summary>Fresh entities each time (tests may change them); the parsed package is read once per process.</summary>
    public static IEnumerable<Entity> Read(string dataFolder)
    {
        var data = Cache.GetOrAdd(dataFolder, f => new Lazy<ConfigurationData?>(() =>
            File.Exists(Path.Combine(f, "data.xml")) ? ConfigurationDataReader.ReadFolder(f) : null)).Value;
        return data is null ? Array.Empty<Entity>() : data.Records.Select(ToEntity).ToList();
    }

    public static Entity ToEntity(ConfigurationRecord record)
    {
        var entity = new Entity(record.Table, record.Id);
        foreach (var field in record.Fields)
        {
            entity[field.Key] = field.Value switch
            {
                OptionValue o => new OptionSetValue(o.Value),
                RecordReference r => new EntityReference(r.Table, r.Id),
                var other => other,
            };
        }
        return entity;
    }
}
