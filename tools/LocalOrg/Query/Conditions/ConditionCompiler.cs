using LeadLifecycle.LocalOrg.Query.Planning;
using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Conditions;

/// <summary>
/// Compiles one ConditionExpression into a predicate over a joined row. Values are converted to the column's type
/// once, here; the predicate itself only reads and compares. A comparison with an empty column is false, as in SQL
/// (so ne/not-in/not-like do not return empty rows), except for null / not-null.
/// Operator semantics: https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/reference/operators
/// </summary>
internal static class ConditionCompiler
{
    public static Func<Entity?[], bool> Compile(ConditionExpression condition, TableScope scope, QueryContext context)
    {
        var attribute = condition.AttributeName;
        var type = scope.TypeOf(attribute);
        var column = scope.Describe(attribute);
        var op = condition.Operator;
        var values = ValueConverter.Flatten(condition.Values).ToArray();
        if (values.Any(v => v is null))
            throw QueryFault.BadArgument($"Condition for attribute '{column}': null is not a valid value for an attribute. Use 'Null' or 'NotNull' conditions instead.");

        if (condition.CompareColumns) return CompareColumns(condition, scope, values, column);
        if (type == ColumnType.MultiSelectPicklist && op is ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.In or ConditionOperator.NotIn)
            return ChoiceSetEquality(op, condition.Values.ToArray(), column, scope, attribute);

        switch (op)
        {
            case ConditionOperator.Null:
                return row => scope.Read(row, attribute).IsNull;
            case ConditionOperator.NotNull:
                return row => !scope.Read(row, attribute).IsNull;
            case ConditionOperator.Equal:
            case ConditionOperator.NotEqual:
            case ConditionOperator.GreaterThan:
            case ConditionOperator.GreaterEqual:
            case ConditionOperator.LessThan:
            case ConditionOperator.LessEqual:
            {
                var target = ValueConverter.ToColumnType(Single(values, op, column), type, column);
                if (op is ConditionOperator.Equal or ConditionOperator.NotEqual)
                {
                    var equal = op == ConditionOperator.Equal;
                    return row =>
                    {
                        var value = scope.Read(row, attribute);
                        return !value.IsNull && Scalar.AreEqual(value, target) == equal;
                    };
                }
                var test = Comparison(op);
                return row =>
                {
                    var value = scope.Read(row, attribute);
                    return !value.IsNull && test(Scalar.Compare(value, target));
                };
            }
            case ConditionOperator.In:
            case ConditionOperator.NotIn:
            {
                if (values.Length == 0) throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator needs at least one value.");
                var set = new HashSet<Scalar>(values.Select(v => ValueConverter.ToColumnType(v, type, column)), ScalarEquality.Instance);
                var wanted = op == ConditionOperator.In;
                return row =>
                {
                    var value = scope.Read(row, attribute);
                    return !value.IsNull && set.Contains(value) == wanted;
                };
            }
            case ConditionOperator.Between:
            case ConditionOperator.NotBetween:
            {
                if (values.Length != 2) throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator needs exactly 2 values (from and to) but got {values.Length}.");
                var low = ValueConverter.ToColumnType(values[0], type, column);
                var high = ValueConverter.ToColumnType(values[1], type, column);
                var wanted = op == ConditionOperator.Between;
                return row =>
                {
                    var value = scope.Read(row, attribute);
                    return !value.IsNull && (Scalar.Compare(value, low) >= 0 && Scalar.Compare(value, high) <= 0) == wanted;
                };
            }
            case ConditionOperator.Like:
            case ConditionOperator.NotLike:
            case ConditionOperator.BeginsWith:
            case ConditionOperator.DoesNotBeginWith:
            case ConditionOperator.EndsWith:
            case ConditionOperator.DoesNotEndWith:
                return Like(op, Single(values, op, column), type, column, scope, attribute);
            case ConditionOperator.On:
            case ConditionOperator.NotOn:
            case ConditionOperator.OnOrAfter:
            case ConditionOperator.OnOrBefore:
            {
                RequireDate(type, op, column);
                var day = ValueConverter.ToColumnType(Single(values, op, column), type, column).Time.Date;
                var window = op switch
                {
                    ConditionOperator.OnOrAfter => (day, DateTime.MaxValue),
                    ConditionOperator.OnOrBefore => (DateTime.MinValue, day.AddDays(1)),
                    _ => (day, day.AddDays(1)),
                };
                return InWindow(scope, attribute, window, op != ConditionOperator.NotOn);
            }
            case ConditionOperator.EqualUserId:
            case ConditionOperator.NotEqualUserId:
            {
                var caller = Scalar.OfId(context.CallerId);
                var wanted = op == ConditionOperator.EqualUserId;
                return row =>
                {
                    var value = scope.Read(row, attribute);
                    return !value.IsNull && Scalar.AreEqual(value, caller) == wanted;
                };
            }
            case ConditionOperator.ContainValues:
            case ConditionOperator.DoesNotContainValues:
                return ChoiceValues(op, values, type, column, scope, attribute);
            case ConditionOperator.Contains:
            case ConditionOperator.DoesNotContain:
                throw QueryFault.Unsupported($"Condition for attribute '{column}': the {op} operator is a full-text search that Dataverse allows only on full-text indexed columns. Use Like with '%text%' instead.");
        }

        if (RelativeDates.WindowWithoutValue(op, context.UtcNow) is { } fixedWindow)
        {
            RequireDate(type, op, column);
            return InWindow(scope, attribute, fixedWindow, true);
        }
        if (RelativeDates.NeedsCount(op))
        {
            RequireDate(type, op, column);
            var count = ValueConverter.ToColumnType(Single(values, op, column), ColumnType.Integer, column);
            if (count.Number < 0 || count.Number != decimal.Truncate(count.Number))
                throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator needs a whole, non-negative number.");
            return InWindow(scope, attribute, RelativeDates.WindowWithCount(op, (int)count.Number, context.UtcNow), true);
        }
        throw QueryFault.Unsupported($"Condition for attribute '{column}': the {op} operator is not supported by the local organization.");
    }

    private static Func<Entity?[], bool> Like(ConditionOperator op, object? value, ColumnType type, string column, TableScope scope, string attribute)
    {
        if (type is not (ColumnType.String or ColumnType.Memo or ColumnType.EntityName))
            throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator works on text columns only, and this column is {type}.");
        if (value is not string text) throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator needs a text value.");
        var pattern = LikePattern.Compile(op switch
        {
            ConditionOperator.BeginsWith or ConditionOperator.DoesNotBeginWith => text + "%",
            ConditionOperator.EndsWith or ConditionOperator.DoesNotEndWith => "%" + text,
            _ => text,
        });
        var wanted = op is ConditionOperator.Like or ConditionOperator.BeginsWith or ConditionOperator.EndsWith;
        return row =>
        {
            var current = scope.Read(row, attribute);
            return !current.IsNull && pattern.IsMatch(current.ToString()) == wanted;
        };
    }

    private static Func<Entity?[], bool> ChoiceValues(ConditionOperator op, object?[] values, ColumnType type, string column, TableScope scope, string attribute)
    {
        if (type != ColumnType.MultiSelectPicklist)
            throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator works on multi-select choice columns only, and this column is {type}.");
        if (values.Length == 0) throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator needs at least one value.");
        var wanted = values.Select(v => (int)ValueConverter.ToColumnType(v, type, column).Number).ToHashSet();
        var mustContain = op == ConditionOperator.ContainValues;
        return row =>
        {
            var entity = row[scope.Slot];
            var chosen = entity is null ? null : AttributeReader.Raw(entity, attribute, scope.Table.PrimaryIdAttribute) as OptionSetValueCollection;
            var any = false;
            if (chosen is not null)
            {
                foreach (var option in chosen)
                {
                    if (option is not null && wanted.Contains(option.Value)) { any = true; break; }
                }
            }
            return any == mustContain;
        };
    }

    /// <summary>
    /// eq / ne / in / not-in on a multi-select column compare the whole set of chosen options (in any order); a value
    /// may be one option or a set. https://learn.microsoft.com/power-apps/developer/data-platform/multi-select-picklist#query-data-from-choices
    /// </summary>
    private static Func<Entity?[], bool> ChoiceSetEquality(ConditionOperator op, object?[] values, string column, TableScope scope, string attribute)
    {
        var sets = op is ConditionOperator.Equal or ConditionOperator.NotEqual
            ? new[] { ChoiceSet.KeyOf(values.Length == 1 ? values[0] : values, column) }
            : values.Select(v => ChoiceSet.KeyOf(v, column)).ToArray();
        if (sets.Length == 0 || sets.Any(s => s is null))
            throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator needs at least one choice value.");
        var wanted = new HashSet<string>(sets!);
        var matchWhenFound = op is ConditionOperator.Equal or ConditionOperator.In;
        return row =>
        {
            var entity = row[scope.Slot];
            var key = entity is null ? null : ChoiceSet.KeyOf(AttributeReader.Raw(entity, attribute, scope.Table.PrimaryIdAttribute), column);
            return key is not null && wanted.Contains(key) == matchWhenFound;
        };
    }

    private static Func<Entity?[], bool> CompareColumns(ConditionExpression condition, TableScope scope, object?[] values, string column)
    {
        var op = condition.Operator;
        if (op is not (ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.GreaterThan or ConditionOperator.GreaterEqual
            or ConditionOperator.LessThan or ConditionOperator.LessEqual))
            throw QueryFault.BadArgument($"Condition for attribute '{column}': comparing two columns works with eq, ne, gt, ge, lt and le only, not {op}.");
        if (Single(values, op, column) is not string other) throw QueryFault.BadArgument($"Condition for attribute '{column}': a column comparison needs the other column's name as its value.");
        scope.TypeOf(other);
        var attribute = condition.AttributeName;
        var test = Comparison(op);
        return row =>
        {
            var left = scope.Read(row, attribute);
            var right = scope.Read(row, other);
            return !left.IsNull && !right.IsNull && test(Scalar.Compare(left, right));
        };
    }

    private static Func<Entity?[], bool> InWindow(TableScope scope, string attribute, (DateTime Start, DateTime End) window, bool wanted)
    {
        var (start, end) = window;
        return row =>
        {
            var value = scope.Read(row, attribute);
            return value.Kind == ScalarKind.Time && (value.Time >= start && value.Time < end) == wanted;
        };
    }

    private static Func<int, bool> Comparison(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => c => c == 0,
        ConditionOperator.NotEqual => c => c != 0,
        ConditionOperator.GreaterThan => c => c > 0,
        ConditionOperator.GreaterEqual => c => c >= 0,
        ConditionOperator.LessThan => c => c < 0,
        _ => c => c <= 0,
    };

    private static object? Single(object?[] values, ConditionOperator op, string column) => values.Length == 1
        ? values[0]
        : throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator needs exactly 1 value but got {values.Length}.");

    private static void RequireDate(ColumnType type, ConditionOperator op, string column)
    {
        if (type != ColumnType.DateTime)
            throw QueryFault.BadArgument($"Condition for attribute '{column}': the {op} operator works on date columns only, and this column is {type}.");
    }
}
