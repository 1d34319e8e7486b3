using System.Collections;
using System.Globalization;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query.Values;

/// <summary>
/// Turns a condition value (an SDK value from a QueryExpression, or text from FetchXML) into the comparable form of
/// the column it is compared with, once per query — so a lookup compares by Guid whether the caller passed a Guid,
/// an EntityReference or "{guid}" text, and a choice by its number whether given an OptionSetValue, an int or "1".
/// </summary>
internal static class ValueConverter
{
    public static Scalar ToColumnType(object? value, ColumnType type, string columnDescription)
    {
        if (value is null) return Scalar.Null;
        if (value is not string text) return FromSdkValue(value, type, columnDescription);
        try
        {
            return type switch
            {
                ColumnType.String or ColumnType.Memo or ColumnType.EntityName => Scalar.OfText(text),
                ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Money or ColumnType.Picklist
                    or ColumnType.MultiSelectPicklist or ColumnType.State or ColumnType.Status
                    => Scalar.OfNumber(decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)),
                ColumnType.Double => Scalar.OfReal(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
                ColumnType.Boolean => Scalar.OfFlag(ParseBoolean(text)),
                ColumnType.DateTime => Scalar.OfTime(ParseDateTime(text)),
                ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.PrimaryKey or ColumnType.Uniqueidentifier
                    => Scalar.OfId(Guid.Parse(text.Trim())),
                _ => Scalar.OfText(text),
            };
        }
        catch (FormatException ex)
        {
            throw Invalid(text, type, columnDescription, ex);
        }
        catch (OverflowException ex)
        {
            throw Invalid(text, type, columnDescription, ex);
        }
    }

    /// <summary>Condition values, with a single array or list argument spread into its items (a common SDK call shape for In).</summary>
    public static IEnumerable<object?> Flatten(IEnumerable<object?> values)
    {
        foreach (var value in values)
        {
            if (value is IEnumerable items and not string and not OptionSetValueCollection)
            {
                foreach (var item in items) yield return item;
            }
            else
            {
                yield return value;
            }
        }
    }

    public static DateTime ParseDateTime(string text)
    {
        var parsed = DateTime.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
    }

    private static Scalar FromSdkValue(object value, ColumnType type, string columnDescription)
    {
        if (value is DateTime time) return Scalar.OfTime(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time);
        var scalar = Scalar.From(value);
        if (type == ColumnType.Boolean && scalar.Kind == ScalarKind.Number && scalar.Number is 0 or 1) return Scalar.OfFlag(scalar.Number == 1);
        if (type == ColumnType.Double && scalar.Kind == ScalarKind.Number) return Scalar.OfReal((double)scalar.Number);
        var expectsId = type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.PrimaryKey or ColumnType.Uniqueidentifier;
        if (expectsId && scalar.Kind != ScalarKind.Id) throw Invalid(value, type, columnDescription, null);
        return scalar;
    }

    private static bool ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "true" => true,
        "0" or "false" => false,
        _ => throw new FormatException($"'{text}' is not a Yes/No value."),
    };

    private static QueryFault Invalid(object value, ColumnType type, string column, Exception? inner) =>
        new(QueryFault.InvalidArgument, $"Condition for attribute '{column}': '{value}' is not a valid value for a column of type {type}.", inner);
}
