using System.Globalization;
using System.Text.Json.Nodes;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>
/// The contract's value encodings, both ways. Decoding turns a <see cref="ScenarioValue"/> into the SDK value its
/// column or parameter takes, and refuses — before anything is sent — a value that is not one of that type's
/// encodings: text for a number, 2.5 for a whole number or a choice, "yes" for a boolean, a number too large for the
/// type. Whether a value that fits the type is acceptable for the column (its option values, its length, its range)
/// is the platform's to say, as Dataverse would, with its own message. Encoding writes records back for RESULT.json in
/// the same encodings (references by key where the scenario named the record).
/// </summary>
public sealed class ValueCodec(RecordKeys keys, Func<string, string, ColumnDefinition?> findColumn)
{
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>An entity of <paramref name="table"/> with the given fields, each decoded for its column.</summary>
    public Entity DecodeEntity(string table, IEnumerable<ScenarioField> fields, string where = "fields")
    {
        var entity = new Entity(table);
        foreach (var field in fields)
            entity[field.Name] = Decode(field.Value, ValueTarget.ForColumn(table, field.Name, findColumn(table, field.Name)), $"{where}.{field.Name}");
        return entity;
    }

    public object? Decode(ScenarioValue value, ValueTarget target, string where)
    {
        if (value is ScenarioValue.Null) return null;
        return (target.Kind, value) switch
        {
            (ValueKind.Any, _) => DecodeNatural(value, where),
            (ValueKind.Text, ScenarioValue.Text text) => text.Value,
            (ValueKind.WholeNumber, ScenarioValue.Number number) => WholeNumber(number, target, where),
            (ValueKind.BigWholeNumber, ScenarioValue.Number number) => BigWholeNumber(number, target, where),
            (ValueKind.DecimalNumber, ScenarioValue.Number number) => DecimalNumber(number, target, where),
            (ValueKind.FloatNumber, ScenarioValue.Number number) => FloatNumber(number, target, where),
            (ValueKind.Money, ScenarioValue.Money money) => new Money(money.Amount),
            (ValueKind.Money, ScenarioValue.Number number) => new Money(DecimalNumber(number, target, where)),
            (ValueKind.Boolean, ScenarioValue.Boolean boolean) => boolean.Value,
            (ValueKind.Date, ScenarioValue.Date date) => date.Utc,
            (ValueKind.Date, ScenarioValue.Text text) => IsoDate.TryParse(text.Value, out var date)
                ? date : throw new ScenarioStepException(ScenarioReader.NotIsoDate(where, text.Value) + "."),
            (ValueKind.Choice, ScenarioValue.Option option) => new OptionSetValue(option.Value),
            (ValueKind.Choice, ScenarioValue.Number number) => new OptionSetValue(WholeNumber(number, target, where)),
            (ValueKind.Choices, ScenarioValue.Options options) => new OptionSetValueCollection(options.Values.Select(o => new OptionSetValue(o)).ToList()),
            (ValueKind.Reference, ScenarioValue.Reference reference) => Resolve(reference),
            (ValueKind.Guid, ScenarioValue.Text text) => Guid.TryParse(text.Value, out var id)
                ? id : throw new ScenarioStepException($"{where}: '{text.Value}' is not a GUID; {target.Describe()}."),
            (ValueKind.Entity, ScenarioValue.EntityValue entity) => Entity(entity, $"{where}.fields"),
            _ => throw new ScenarioStepException($"{where}: {value.Describe()} does not fit; {target.Describe()}."),
        };
    }

    /// <summary>A value for which nothing says the type (a parameter of an unknown request): each encoding as itself.</summary>
    private object? DecodeNatural(ScenarioValue value, string where) => value switch
    {
        ScenarioValue.Text text => text.Value,
        ScenarioValue.Boolean boolean => boolean.Value,
        ScenarioValue.Number number when Parse(number) is { } n && n == decimal.Truncate(n) && n is >= int.MinValue and <= int.MaxValue => (int)n,
        ScenarioValue.Number number => Parse(number) ?? throw new ScenarioStepException($"{where}: {number.Raw} is too large for a number."),
        ScenarioValue.Option option => new OptionSetValue(option.Value),
        ScenarioValue.Options options => new OptionSetValueCollection(options.Values.Select(o => new OptionSetValue(o)).ToList()),
        ScenarioValue.Reference reference => Resolve(reference),
        ScenarioValue.Money money => new Money(money.Amount),
        ScenarioValue.Date date => date.Utc,
        ScenarioValue.EntityValue entity => Entity(entity, $"{where}.fields"),
        _ => null,
    };

    private Entity Entity(ScenarioValue.EntityValue value, string where)
    {
        var entity = DecodeEntity(value.Table, value.Fields, where);
        if (value.Id is { } id) entity.Id = id;
        return entity;
    }

    private EntityReference Resolve(ScenarioValue.Reference reference) =>
        reference.Key is { } key ? keys.Resolve(reference.Table, key) : new EntityReference(reference.Table, reference.Id!.Value);

    private static decimal? Parse(ScenarioValue.Number number) =>
        decimal.TryParse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int WholeNumber(ScenarioValue.Number number, ValueTarget target, string where)
    {
        var value = Whole(number, target, where);
        if (value is < int.MinValue or > int.MaxValue)
            throw new ScenarioStepException($"{where}: {number.Raw} is outside {target.Range(int.MinValue, int.MaxValue)}; {target.Describe()}.");
        return (int)value;
    }

    private static long BigWholeNumber(ScenarioValue.Number number, ValueTarget target, string where)
    {
        var value = Whole(number, target, where);
        if (value is < long.MinValue or > long.MaxValue)
            throw new ScenarioStepException($"{where}: {number.Raw} is outside {target.Range(long.MinValue, long.MaxValue)}; {target.Describe()}.");
        return (long)value;
    }

    private static decimal Whole(ScenarioValue.Number number, ValueTarget target, string where)
    {
        var value = Parse(number) ?? throw new ScenarioStepException($"{where}: {number.Raw} is too large; {target.Describe()}.");
        if (value != decimal.Truncate(value))
            throw new ScenarioStepException($"{where}: {number.Raw} is not a whole number; {target.Describe()}.");
        return value;
    }

    private static decimal DecimalNumber(ScenarioValue.Number number, ValueTarget target, string where) =>
        Parse(number) ?? throw new ScenarioStepException($"{where}: {number.Raw} is too large for {target.Name}; {target.Describe()}.");

    private static double FloatNumber(ScenarioValue.Number number, ValueTarget target, string where) =>
        double.TryParse(number.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ScenarioStepException($"{where}: {number.Raw} is too large for {target.Name}; {target.Describe()}.");

    // ---- encoding (RESULT.json) ----------------------------------------------------------------------------------------

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
