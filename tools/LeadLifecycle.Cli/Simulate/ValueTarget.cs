using System.Globalization;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Cli.Simulate;

/// <summary>The SDK types a scenario value can become.</summary>
public enum ValueKind
{
    /// <summary>Nothing says the type (an unknown column or request): each encoding decodes as itself.</summary>
    Any,
    Text, WholeNumber, BigWholeNumber, DecimalNumber, FloatNumber, Money, Boolean, Date, Choice, Choices, Reference, Guid, Entity,
}

/// <summary>
/// What a value is for — a column of a table, a parameter of a request — and so which encodings it accepts. Its
/// <see cref="Describe"/> is the second half of every decoding message: what the column or parameter is and how to
/// write a value for it.
/// </summary>
public sealed record ValueTarget(ValueKind Kind, string Name, string? Label = null, IReadOnlyList<string>? Targets = null,
    IReadOnlyList<OptionDefinition>? Options = null, long? MinValue = null, long? MaxValue = null)
{
    public static ValueTarget ForColumn(string table, string name, ColumnDefinition? column)
    {
        if (column is null) return new ValueTarget(ValueKind.Any, name);
        var kind = column.Type switch
        {
            ColumnType.String or ColumnType.Memo or ColumnType.EntityName => ValueKind.Text,
            ColumnType.Integer => ValueKind.WholeNumber,
            ColumnType.BigInt => ValueKind.BigWholeNumber,
            ColumnType.Decimal => ValueKind.DecimalNumber,
            ColumnType.Double => ValueKind.FloatNumber,
            ColumnType.Money => ValueKind.Money,
            ColumnType.Boolean => ValueKind.Boolean,
            ColumnType.DateTime => ValueKind.Date,
            ColumnType.Picklist or ColumnType.State or ColumnType.Status => ValueKind.Choice,
            ColumnType.MultiSelectPicklist => ValueKind.Choices,
            ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => ValueKind.Reference,
            ColumnType.Uniqueidentifier or ColumnType.PrimaryKey => ValueKind.Guid,
            _ => ValueKind.Any,
        };
        var label = column.DisplayName is { Length: > 0 } display && display != name ? display : null;
        return new ValueTarget(kind, name, label, column.Targets, column.Options, column.MinValue, column.MaxValue);
    }

    /// <summary>A typed SDK request's parameter, by the .NET type of its property (QualifyLeadRequest.CreateOpportunity: bool).</summary>
    public static ValueTarget ForParameter(string name, Type type) => new(
        type == typeof(string) ? ValueKind.Text
        : type == typeof(int) ? ValueKind.WholeNumber
        : type == typeof(long) ? ValueKind.BigWholeNumber
        : type == typeof(decimal) ? ValueKind.DecimalNumber
        : type == typeof(double) ? ValueKind.FloatNumber
        : type == typeof(Money) ? ValueKind.Money
        : type == typeof(bool) ? ValueKind.Boolean
        : type == typeof(DateTime) ? ValueKind.Date
        : type == typeof(OptionSetValue) ? ValueKind.Choice
        : type == typeof(OptionSetValueCollection) ? ValueKind.Choices
        : type == typeof(EntityReference) ? ValueKind.Reference
        : type == typeof(System.Guid) ? ValueKind.Guid
        : type == typeof(Microsoft.Xrm.Sdk.Entity) ? ValueKind.Entity
        : ValueKind.Any, name);

    /// <summary>A custom API's request parameter, by its type code (customapirequestparameter.type).</summary>
    public static ValueTarget ForCustomApiParameter(CustomApiParameterDefinition parameter) => new(parameter.Type switch
    {
        0 => ValueKind.Boolean,
        1 => ValueKind.Date,
        2 => ValueKind.DecimalNumber,
        3 => ValueKind.Entity,
        5 => ValueKind.Reference,
        6 => ValueKind.FloatNumber,
        7 => ValueKind.WholeNumber,
        8 => ValueKind.Money,
        9 => ValueKind.Choice,
        10 => ValueKind.Text,
        12 => ValueKind.Guid,
        _ => ValueKind.Any, // EntityCollection (4), StringArray (11): no encoding of the contract writes them
    }, parameter.UniqueName, Targets: parameter.LogicalEntityName is { Length: > 0 } table ? [table] : null);

    private string Named => Label is null ? Name : $"{Name} ({Label})";

    /// <summary>What the column or parameter takes, and how to write it.</summary>
    public string Describe() => Kind switch
    {
        ValueKind.Text => $"{Named} is text: give a JSON string",
        ValueKind.WholeNumber => $"{Named} is a whole number: give a JSON number such as 40",
        ValueKind.BigWholeNumber => $"{Named} is a whole number: give a JSON number",
        ValueKind.DecimalNumber => $"{Named} is a decimal number: give a JSON number such as 12.5",
        ValueKind.FloatNumber => $"{Named} is a floating-point number: give a JSON number such as 12.5",
        ValueKind.Money => $"{Named} is a currency: give {{\"money\": 1250.50}} (or a JSON number)",
        ValueKind.Boolean => $"{Named} is Yes/No: give true or false",
        ValueKind.Date => $"{Named} is a date: give {{\"date\": \"{IsoDate.Example}\"}} (or an ISO-8601 string)",
        ValueKind.Choice => $"{Named} is a choice: give {{\"option\": n}} (or a whole number){OptionList()}",
        ValueKind.Choices => $"{Named} is a multi-select choice: give {{\"options\": [n, …]}}{OptionList()}",
        ValueKind.Reference => $"{Named} is a lookup: give {{\"ref\": \"{Targets?.FirstOrDefault() ?? "table"}\", \"key\": \"k\"}} " +
                               $"or {{\"ref\": \"{Targets?.FirstOrDefault() ?? "table"}\", \"id\": \"guid\"}}",
        ValueKind.Guid => $"{Named} is a unique identifier: give a GUID string",
        ValueKind.Entity => $"{Named} is a record: give {{\"entity\": \"{Targets?.FirstOrDefault() ?? "table"}\", \"fields\": {{…}}}}",
        _ => $"{Named} takes {ValueKind.Any}",
    };

    /// <summary>The range a whole number must be in: the column's own where it declares one, else the type's.</summary>
    public string Range(long typeMin, long typeMax)
    {
        var min = MinValue is { } low && low > typeMin ? low : typeMin;
        var max = MaxValue is { } high && high < typeMax ? high : typeMax;
        return $"the range of {Name} ({min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)})";
    }

    // The column's options, so the message says which values exist (the platform still checks the value).
    private string OptionList() =>
        Options is { Count: > 0 and <= 12 } options
            ? $" — {string.Join(", ", options.Select(o => $"{o.Value.ToString(CultureInfo.InvariantCulture)} {o.Label}"))}"
            : "";
}
