using LeadLifecycle.LocalOrg.Metadata;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Storage;

/// <summary>
/// Checks the values a request writes the way the Dataverse platform does: unknown column, wrong .NET type for the
/// column type, choice value not in the option set, text over MaxLength, number out of range, lookup to a table the
/// column does not target or to a missing record. Returns the value as stored (dates in UTC, date-only at midnight).
/// </summary>
internal static class AttributeValidator
{
    public static object? Validate(TableMetadata table, string name, object? value, Func<string, Guid, bool> exists)
    {
        var column = table.Column(name) ?? throw Faults.UnknownColumn(table.LogicalName, name);
        if (value is null) return null;
        switch (column.Type)
        {
            case ColumnType.String:
            case ColumnType.Memo:
            case ColumnType.EntityName:
                var text = Expect<string>(table, column, value, "System.String");
                if (column.MaxLength is int max && text.Length > max) throw Faults.TooLong(table.LogicalName, name, max);
                return text;
            case ColumnType.Integer:
                var i = Expect<int>(table, column, value, "System.Int32");
                CheckRange(table, column, i);
                return i;
            case ColumnType.BigInt:
                return value is int small ? (long)small : Expect<long>(table, column, value, "System.Int64");
            case ColumnType.Decimal:
                return Expect<decimal>(table, column, value, "System.Decimal");
            case ColumnType.Double:
                return Expect<double>(table, column, value, "System.Double");
            case ColumnType.Money:
                return new Money(Expect<Money>(table, column, value, "Microsoft.Xrm.Sdk.Money").Value);
            case ColumnType.Boolean:
                return Expect<bool>(table, column, value, "System.Boolean");
            case ColumnType.DateTime:
                return NormaliseDate(Expect<DateTime>(table, column, value, "System.DateTime"), column.DateTimeBehavior);
            case ColumnType.Uniqueidentifier:
            case ColumnType.PrimaryKey:
                return Expect<Guid>(table, column, value, "System.Guid");
            case ColumnType.Picklist:
            case ColumnType.State:
            case ColumnType.Status:
                var option = Expect<OptionSetValue>(table, column, value, "Microsoft.Xrm.Sdk.OptionSetValue");
                if (column.Type == ColumnType.Status && table.StatusReasons.Count > 0)
                {
                    if (table.StatusReasons.All(r => r.Status != option.Value))
                        throw Faults.OptionOutOfRange(table.LogicalName, name, option.Value, table.StatusReasons.Select(r => r.Status));
                }
                else CheckOption(table, column, option.Value);
                return new OptionSetValue(option.Value);
            case ColumnType.MultiSelectPicklist:
                var options = Expect<OptionSetValueCollection>(table, column, value, "Microsoft.Xrm.Sdk.OptionSetValueCollection");
                foreach (var o in options) CheckOption(table, column, o.Value);
                return new OptionSetValueCollection(options.Select(o => new OptionSetValue(o.Value)).ToList());
            case ColumnType.Lookup:
            case ColumnType.Customer:
            case ColumnType.Owner:
                var reference = Expect<EntityReference>(table, column, value, "Microsoft.Xrm.Sdk.EntityReference");
                if (string.IsNullOrEmpty(reference.LogicalName)) throw Faults.Invalid($"The '{name}' lookup of '{table.LogicalName}' has no entity logical name.");
                if (column.Targets is { Count: > 0 } targets && !targets.Contains(reference.LogicalName))
                    throw Faults.LookupTargetNotAllowed(table.LogicalName, name, reference.LogicalName);
                if (!exists(reference.LogicalName, reference.Id)) throw Faults.DoesNotExist(reference.LogicalName, reference.Id);
                return new EntityReference(reference.LogicalName, reference.Id) { Name = reference.Name };
            default:
                return value;
        }
    }

    /// <summary>Dataverse keeps date-time values in UTC with whole seconds; date-only values are the date at midnight.</summary>
    public static DateTime NormaliseDate(DateTime value, string? behavior)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        utc = new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        return behavior == "DateOnly" ? DateTime.SpecifyKind(utc.Date, DateTimeKind.Utc) : utc;
    }

    private static T Expect<T>(TableMetadata table, ColumnDefinition column, object value, string expected)
    {
        if (value is T typed) return typed;
        throw Faults.WrongType(table.LogicalName, column.LogicalName, value, expected);
    }

    private static void CheckRange(TableMetadata table, ColumnDefinition column, long value)
    {
        if ((column.MinValue is long min && value < min) || (column.MaxValue is long max && value > max))
            throw Faults.NumberOutOfRange(table.LogicalName, column.LogicalName, value, column.MinValue, column.MaxValue);
    }

    private static void CheckOption(TableMetadata table, ColumnDefinition column, int value)
    {
        var options = column.Options;
        if (options is null || options.Count == 0) return; // options unknown to the model: accept, as Dataverse cannot be second-guessed
        if (options.All(o => o.Value != value))
            throw Faults.OptionOutOfRange(table.LogicalName, column.LogicalName, value, options.Select(o => o.Value));
    }
}
