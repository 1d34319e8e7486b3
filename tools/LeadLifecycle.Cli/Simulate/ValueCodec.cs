using System.Globalization;
using System.Text.Json.Nodes;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// The contract's value encodings, both ways: JSON string, number and boolean as they are; {"option": n};
/// {"options": [n, …]}; {"ref": "table", "key": "k"} or {"ref": "table", "id": "guid"}; {"money": 1.5};
/// {"date": "ISO-8601"}; {"entity": "table", "fields": {…}}. Where the column is known, a plain number or string is
/// read as the column's type (a number for a choice is an option, a string for a date is a date).
/// </summary>
public sealed class ValueCodec(RecordKeys keys, Func<string, string, ColumnDefinition?> findColumn)
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>An entity of <paramref name="table"/> with the given fields, decoded by the table's columns.</summary>
    public Entity DecodeEntity(string table, JsonObject? fields)
    {
        var entity = new Entity(table);
        foreach (var (name, value) in fields ?? [])
            entity[name] = Decode(value, findColumn(table, name), $"{table}.{name}");
        return entity;
    }

    /// <param name="column">The column the value is for, when known (fields); null for request parameters.</param>
    /// <param name="customApiType">The custom API parameter type, when known (see CustomApiParameterDefinition).</param>
    public object? Decode(JsonNode? node, ColumnDefinition? column, string where, int? customApiType = null)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject encoded:
                return DecodeEncoded(encoded, where);
            case JsonArray:
                throw new ScenarioStepException($"{where}: a list is not a value; use {{\"options\": [...]}} for a multi-select choice.");
        }
        var value = (JsonValue)node;
        if (value.TryGetValue<bool>(out var boolean)) return boolean;
        if (value.TryGetValue<string>(out var text)) return DecodeString(text, column, customApiType, where);
        var number = value.GetValue<decimal>();
        return (column?.Type, customApiType) switch
        {
            (ColumnType.Picklist or ColumnType.State or ColumnType.Status, _) or (_, 9) => new OptionSetValue((int)number),
            (ColumnType.Money, _) or (_, 8) => new Money(number),
            (ColumnType.Decimal, _) or (_, 2) => number,
            (ColumnType.Double, _) or (_, 6) => (double)number,
            (ColumnType.BigInt, _) => (long)number,
            _ when number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue => (int)number,
            _ => number,
        };
    }

    private object DecodeString(string text, ColumnDefinition? column, int? customApiType, string where)
    {
        if (column?.Type == ColumnType.DateTime || customApiType == 1) return ParseDate(text, where);
        if (column?.Type is ColumnType.Uniqueidentifier or ColumnType.PrimaryKey || customApiType == 12)
            return Guid.TryParse(text, out var id) ? id : throw new ScenarioStepException($"{where}: '{text}' is not a GUID.");
        return text;
    }

    private object DecodeEncoded(JsonObject encoded, string where)
    {
        if (encoded.ContainsKey("option")) return new OptionSetValue(Number(encoded["option"], where));
        if (encoded.ContainsKey("options"))
        {
            if (encoded["options"] is not JsonArray options)
                throw new ScenarioStepException($"{where}: \"options\" must be a list of numbers.");
            return new OptionSetValueCollection(options.Select(o => new OptionSetValue(Number(o, where))).ToList());
        }
        if (encoded["ref"] is JsonValue refTable && refTable.TryGetValue<string>(out var table))
        {
            if (encoded["key"] is JsonValue key && key.TryGetValue<string>(out var keyText)) return keys.Resolve(table, keyText);
            if (encoded["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && Guid.TryParse(idText, out var guid))
                return new EntityReference(table, guid);
            throw new ScenarioStepException($"{where}: a reference needs \"key\" (a name an earlier step gave) or \"id\" (a GUID).");
        }
        if (encoded.ContainsKey("money"))
        {
            if (encoded["money"] is JsonValue money && money.TryGetValue<decimal>(out var amount)) return new Money(amount);
            throw new ScenarioStepException($"{where}: \"money\" must be a number.");
        }
        if (encoded.ContainsKey("date"))
        {
            if (encoded["date"] is JsonValue date && date.TryGetValue<string>(out var dateText)) return ParseDate(dateText, where);
            throw new ScenarioStepException($"{where}: \"date\" must be an ISO-8601 string.");
        }
        if (encoded["entity"] is JsonValue entityTable && entityTable.TryGetValue<string>(out var entityName))
        {
            var entity = DecodeEntity(entityName, encoded["fields"] as JsonObject);
            if (encoded["id"] is JsonValue entityId && Guid.TryParse(entityId.ToString(), out var entityGuid)) entity.Id = entityGuid;
            return entity;
        }
        throw new ScenarioStepException($"{where}: {encoded.ToJsonString()} is no value encoding of the contract " +
                                        "(option, options, ref, money, date, entity).");
    }

    private static int Number(JsonNode? node, string where) =>
        node is JsonValue value && value.TryGetValue<int>(out var number)
            ? number
            : throw new ScenarioStepException($"{where}: option values are whole numbers, not {node?.ToJsonString() ?? "null"}.");

    private static DateTime ParseDate(string text, string where) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new ScenarioStepException($"{where}: '{text}' is not an ISO-8601 date.");

    /// <summary>A value as the result file shows it, in the same encodings (references by key where the scenario named the record).</summary>
    public JsonNode? Encode(object? value) => value switch
    {
        null => null,
        string text => text,
        bool boolean => boolean,
        int number => number,
        long number => number,
        decimal number => number,
        double number => number,
        Guid id => id.ToString(),
        DateTime date => new JsonObject { ["date"] = date.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture) },
        OptionSetValue option => new JsonObject { ["option"] = option.Value },
        OptionSetValueCollection options => new JsonObject { ["options"] = new JsonArray(options.Select(o => (JsonNode)o.Value).ToArray()) },
        Money money => new JsonObject { ["money"] = money.Value },
        EntityReference reference => EncodeReference(reference),
        Entity entity => new JsonObject { ["entity"] = entity.LogicalName, ["fields"] = EncodeFields(entity) },
        EntityCollection collection => new JsonArray(collection.Entities.Select(Encode).ToArray()),
        EntityReferenceCollection references => new JsonArray(references.Select(r => (JsonNode)EncodeReference(r)).ToArray()),
        AliasedValue aliased => Encode(aliased.Value),
        _ => value.ToString(),
    };

    /// <summary>All fields of a record, sorted by name; the primary key is left out (it is the record's "id").</summary>
    public JsonObject EncodeFields(Entity entity)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in entity.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            if (!(value is Guid id && id == entity.Id && name == entity.LogicalName + "id"))
                fields[name] = Encode(value);
        return fields;
    }

    private JsonObject EncodeReference(EntityReference reference) =>
        keys.KeyOf(reference.LogicalName, reference.Id) is { } key
            ? new JsonObject { ["ref"] = reference.LogicalName, ["key"] = key }
            : new JsonObject { ["ref"] = reference.LogicalName, ["id"] = reference.Id.ToString() };
}
