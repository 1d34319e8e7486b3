using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace LeadLifecycle.SolutionModel;

/// <summary>Reads a Configuration Migration tool data package (data_schema.xml types the fields of data.xml),
/// from a folder (Solution/data) or from its zip.</summary>
public static class ConfigurationDataReader
{
    public static ConfigurationData ReadFolder(string dataDir)
    {
        var schema = Path.Combine(dataDir, "data_schema.xml");
        var data = Path.Combine(dataDir, "data.xml");
        foreach (var file in new[] { schema, data })
            if (!File.Exists(file)) throw new SolutionFormatException($"{file} is missing: a configuration data package has data_schema.xml and data.xml");
        return Read(Xml.Load(schema), Xml.Load(data));
    }

    public static ConfigurationData ReadPackage(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        XDocument Entry(string name) => zip.GetEntry(name) is { } e
            ? XDocument.Load(e.Open())
            : throw new SolutionFormatException($"{zipPath}: no {name} in the configuration data package");
        return Read(Entry("data_schema.xml"), Entry("data.xml"));
    }

    private static ConfigurationData Read(XDocument schema, XDocument data)
    {
        var fieldTypes = schema.Root!.Elements("entity").ToDictionary(
            e => e.Attr("name")!,
            e => e.Element("fields")!.Elements("field").ToDictionary(f => f.Attr("name")!, f => f));
        var records = new List<ConfigurationRecord>();
        foreach (var entity in data.Root!.Elements("entity"))
        {
            var table = entity.Attr("name")!;
            if (!fieldTypes.TryGetValue(table, out var fields)) throw new SolutionFormatException($"data.xml: table {table} is not in data_schema.xml");
            foreach (var record in entity.Element("records")?.Elements("record") ?? [])
            {
                var id = Xml.ParseGuid(record.Attr("id")) ?? throw new SolutionFormatException($"data.xml: a {table} record without a valid id");
                var values = new Dictionary<string, object?>();
                foreach (var field in record.Elements("field"))
                {
                    var name = field.Attr("name")!;
                    if (!fields.TryGetValue(name, out var fieldSchema)) throw new SolutionFormatException($"data.xml: {table}.{name} is not in data_schema.xml");
                    if (fieldSchema.Attr("primaryKey") == "true") continue;
                    values[name] = Value(fieldSchema, field, $"{table}.{name}");
                }
                records.Add(new ConfigurationRecord(table, id, values));
            }
        }
        return new ConfigurationData(records);
    }

    private static object? Value(XElement schema, XElement field, string where)
    {
        var text = field.Attribute("value")?.Value;
        if (text is null) return null;
        var c = CultureInfo.InvariantCulture;
        return schema.Attr("type") switch
        {
            "string" or "memo" => text,
            "guid" => Guid.Parse(text),
            "bool" => bool.Parse(text),
            "number" => int.Parse(text, c),
            "bigint" => long.Parse(text, c),
            "decimal" or "money" => decimal.Parse(text, c),
            "float" => double.Parse(text, c),
            "datetime" => DateTime.Parse(text, c, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            "optionsetvalue" or "state" or "status" => new OptionValue(int.Parse(text, c)),
            "entityreference" => new RecordReference(field.Attr("lookupentity") ?? schema.Attr("lookupType") ?? "", Guid.Parse(text)),
            var other => throw new SolutionFormatException($"data_schema.xml: {where} has field type '{other}' that we do not read"),
        };
    }
}
