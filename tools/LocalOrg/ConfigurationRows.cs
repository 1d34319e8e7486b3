using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg;

/// <summary>The shipped configuration data (Solution/data, a Configuration Migration tool package) as SDK entities.</summary>
internal static class ConfigurationRows
{
    public static IEnumerable<Entity> Read(string dataFolder)
    {
        if (!File.Exists(Path.Combine(dataFolder, "data.xml"))) return Array.Empty<Entity>();
        return ConfigurationDataReader.ReadFolder(dataFolder).Records.Select(ToEntity);
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
