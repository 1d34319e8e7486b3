using System.Globalization;
using System.Xml.Linq;
using LeadLifecycle.LocalOrg.Metadata;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg;

/// <summary>
/// Reads configuration data rows (Solution/data/*.xml) in the Configuration Migration tool's data.xml form:
/// &lt;entities&gt;&lt;entity name="t"&gt;&lt;records&gt;&lt;record id="guid"&gt;&lt;field name="c" value="v" [lookupentity="t"]/&gt;...
/// Values are typed from the table metadata.
/// </summary>
public static class ConfigurationData
{
    public static IEnumerable<Entity> Read(string folder, OrganizationMetadata metadata)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var document = XDocument.Load(file);
            foreach (var entity in document.Descendants("entity"))
            {
                var tableName = (string?)entity.Attribute("name") ?? throw new InvalidDataException($"{file}: an <entity> has no name.");
                var table = metadata.Get(tableName);
                foreach (var record in entity.Descendants("record"))
                {
                    var row = new Entity(tableName, Guid.Parse((string?)record.Attribute("id") ?? throw new InvalidDataException($"{file}: a {tableName} record has no id.")));
                    foreach (var field in record.Elements("field"))
                    {
                        var name = (string)field.Attribute("name")!;
                        if (name == table.PrimaryIdAttribute) continue;
                        var column = table.Column(name) ?? throw new InvalidDataException($"{file}: {tableName} has no column '{name}'.");
                        row[name] = Convert(column, (string?)field.Attribute("value"), (string?)field.Attribute("lookupentity"), file);
                    }
                    yield return row;
                }
            }
        }
    }

    private static object? Convert(ColumnDefinition column, string? value, string? lookupEntity, string file)
    {
        if (value is null) return null;
        var c = CultureInfo.InvariantCulture;
        return column.Type switch
        {
            ColumnType.String or ColumnType.Memo or ColumnType.EntityName => value,
            ColumnType.Integer => int.Parse(value, c),
            ColumnType.BigInt => long.Parse(value, c),
            ColumnType.Decimal => decimal.Parse(value, c),
            ColumnType.Double => double.Parse(value, c),
            ColumnType.Money => new Money(decimal.Parse(value, c)),
            ColumnType.Boolean => value is "1" || bool.TryParse(value, out var b) && b,
            ColumnType.DateTime => DateTime.Parse(value, c, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            ColumnType.Picklist or ColumnType.State or ColumnType.Status => new OptionSetValue(int.Parse(value, c)),
            ColumnType.MultiSelectPicklist => new OptionSetValueCollection(value.Trim('[', ']').Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(v => new OptionSetValue(int.Parse(v.Trim(), c))).ToList()),
            ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => new EntityReference(
                lookupEntity ?? column.Targets?.FirstOrDefault() ?? throw new InvalidDataException($"{file}: the lookup '{column.LogicalName}' needs a lookupentity."),
                Guid.Parse(value)),
            ColumnType.Uniqueidentifier or ColumnType.PrimaryKey => Guid.Parse(value),
            _ => value,
        };
    }
}
