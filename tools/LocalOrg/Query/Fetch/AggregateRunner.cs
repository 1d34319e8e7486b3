using System.Globalization;
using LeadLifecycle.LocalOrg.Query.Execution;
using LeadLifecycle.LocalOrg.Query.Planning;
using LeadLifecycle.LocalOrg.Query.Values;
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Query.Fetch;

/// <summary>
/// FetchXML aggregation: rows filtered and joined as usual, grouped by the groupby attributes (with optional date
/// grouping), each group one result row whose values are AliasedValues under their alias.
/// Aggregates follow SQL: count counts rows, countcolumn non-empty values, sum/avg/min/max ignore empty values and
/// keep the column's type (avg of a whole number stays whole). Over 50,000 rows fails like the platform.
/// https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/aggregate-data
/// </summary>
internal static class AggregateRunner
{
    public const int RecordLimit = 50000;
    private const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004E023);

    private sealed record Column(FetchAttribute Attribute, TableScope Scope, ColumnType Type);

    public static EntityCollection Execute(FetchQuery query, IQueryableStore store, QueryContext context)
    {
        var expression = query.Expression;
        var plan = QueryPlan.Build(expression, store);
        if (expression.Orders.Count > 0 || plan.Scopes.Skip(1).Any(s => s.Link!.Orders.Count > 0))
            throw QueryFault.BadFetchXml("An aggregate query orders by the alias of one of its attributes: use <order alias=\"...\" />.");
        var columns = query.Attributes.Select(a => Describe(a, plan)).ToList();
        var paging = Paging.From(expression.TopCount, expression.PageInfo);

        var rows = RowSource.Produce(plan, expression.Criteria, store, context);
        if (rows.Count > RecordLimit) throw new QueryFault(AggregateQueryRecordLimitExceeded, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");

        var groupColumns = columns.Where(c => c.Attribute.GroupBy).ToArray();
        var groups = Group(rows, groupColumns);
        if (groups.Count == 0 && groupColumns.Length == 0) groups.Add(new List<Entity?[]>()); // SQL: one row even over no rows

        var results = groups.Select(group => Summarize(group, columns, expression.EntityName)).ToList();
        results = Order(results, query.AliasOrders);

        var collection = new EntityCollection { EntityName = expression.EntityName };
        collection.Entities.AddRange(results.Skip(paging.Skip).Take(paging.Take));
        collection.MoreRecords = paging.IsPaged && results.Count > paging.Skip + paging.Take;
        collection.TotalRecordCount = paging.ReturnTotal ? Math.Min(results.Count, Paging.MaxPageSize) : -1;
        return collection;
    }

    private static Column Describe(FetchAttribute attribute, QueryPlan plan)
    {
        var scope = attribute.Link is null ? plan.Root : plan.Scopes.First(s => ReferenceEquals(s.Link, attribute.Link));
        var type = scope.TypeOf(attribute.Name);
        if (attribute.Aggregate is null && !attribute.GroupBy)
            throw QueryFault.BadFetchXml($"In an aggregate query every attribute needs aggregate=\"...\" or groupby=\"true\", and '{attribute.Name}' has neither.");
        if (attribute.Alias is null)
            throw QueryFault.BadFetchXml($"In an aggregate query every attribute needs an alias, and '{attribute.Name}' has none.");
        if (attribute.Aggregate is not null && attribute.Aggregate is not ("count" or "countcolumn" or "sum" or "avg" or "min" or "max"))
            throw QueryFault.BadFetchXml($"The aggregate '{attribute.Aggregate}' on '{attribute.Name}' is not valid: use count, countcolumn, sum, avg, min or max.");
        if (attribute.Aggregate is "sum" or "avg" && type is not (ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money))
            throw QueryFault.BadFetchXml($"The aggregate '{attribute.Aggregate}' needs a number or currency column, and '{attribute.Name}' is {type}.");
        if (attribute.DateGrouping is not null && type != ColumnType.DateTime)
            throw QueryFault.BadFetchXml($"dategrouping needs a date column, and '{attribute.Name}' is {type}.");
        return new Column(attribute, scope, type);
    }

    private static List<List<Entity?[]>> Group(List<Entity?[]> rows, Column[] groupColumns)
    {
        var groups = new List<List<Entity?[]>>();
        var index = new Dictionary<Scalar[], List<Entity?[]>>(KeyEquality.Instance);
        foreach (var row in rows)
        {
            var key = new Scalar[groupColumns.Length];
            for (var i = 0; i < key.Length; i++) key[i] = Scalar.From(GroupValue(row, groupColumns[i]));
            if (!index.TryGetValue(key, out var group))
            {
                index[key] = group = new List<Entity?[]>();
                groups.Add(group);
            }
            group.Add(row);
        }
        return groups;
    }

    private static Entity Summarize(List<Entity?[]> group, List<Column> columns, string table)
    {
        var result = new Entity(table);
        foreach (var column in columns)
        {
            var value = column.Attribute.GroupBy
                ? (group.Count == 0 ? null : Projection.Copy(GroupValue(group[0], column)))
                : Aggregate(group, column);
            if (value is not null) result[column.Attribute.Alias!] = new AliasedValue(column.Scope.LogicalName, column.Attribute.Name, value);
        }
        return result;
    }

    private static object? GroupValue(Entity?[] row, Column column)
    {
        var entity = row[column.Scope.Slot];
        var raw = entity is null ? null : AttributeReader.Raw(entity, column.Attribute.Name, column.Scope.Table.PrimaryIdAttribute);
        if (column.Attribute.DateGrouping is not { } grouping || raw is not DateTime date) return raw;
        return grouping switch
        {
            "year" => date.Year,
            "quarter" => (date.Month - 1) / 3 + 1,
            "month" => date.Month,
            "week" => CultureInfo.InvariantCulture.Calendar.GetWeekOfYear(date, CalendarWeekRule.FirstDay, DayOfWeek.Sunday),
            "day" => date.Day,
            _ => throw QueryFault.Unsupported($"dategrouping '{grouping}' is not supported by the local organization: use day, week, month, quarter or year."),
        };
    }

    private static object? Aggregate(List<Entity?[]> group, Column column)
    {
        if (column.Attribute.Aggregate == "count") return group.Count;
        var values = group.Select(row => column.Scope.Read(row, column.Attribute.Name)).Where(v => !v.IsNull).ToList();
        switch (column.Attribute.Aggregate)
        {
            case "countcolumn":
                return column.Attribute.Distinct ? values.Distinct(ScalarEquality.Instance).Count() : values.Count;
            case "min":
            case "max":
                if (values.Count == 0) return null;
                var best = values[0];
                foreach (var value in values)
                {
                    var comparison = Scalar.Compare(value, best);
                    if (column.Attribute.Aggregate == "min" ? comparison < 0 : comparison > 0) best = value;
                }
                return Typed(best, column.Type);
            case "sum":
                return values.Count == 0 ? null : Number(values.Sum(AsDecimal), values.Sum(v => v.Kind == ScalarKind.Float ? v.Real : (double)v.Number), column.Type);
            default: // avg
                return values.Count == 0 ? null : Number(values.Average(AsDecimal), values.Average(v => v.Kind == ScalarKind.Float ? v.Real : (double)v.Number), column.Type);
        }
    }

    private static decimal AsDecimal(Scalar value) => value.Kind == ScalarKind.Float ? (decimal)value.Real : value.Number;

    private static object Number(decimal exact, double real, ColumnType type) => type switch
    {
        ColumnType.Money => new Money(exact),
        ColumnType.Integer => (int)decimal.Truncate(exact),
        ColumnType.BigInt => (long)decimal.Truncate(exact),
        ColumnType.Double => real,
        _ => exact,
    };

    private static object? Typed(Scalar value, ColumnType type) => value.Kind switch
    {
        ScalarKind.Time => value.Time,
        ScalarKind.Text => value.Text,
        ScalarKind.Id => value.Id,
        ScalarKind.Float => value.Real,
        _ => Number(value.Number, (double)value.Number, type),
    };

    private static List<Entity> Order(List<Entity> results, List<(string Alias, bool Descending)> orders)
    {
        if (orders.Count == 0) return results;
        var comparer = Comparer<Entity>.Create((a, b) =>
        {
            foreach (var (alias, descending) in orders)
            {
                var result = Scalar.Compare(Scalar.From(a.GetAttributeValue<AliasedValue>(alias)), Scalar.From(b.GetAttributeValue<AliasedValue>(alias)));
                if (result != 0) return descending ? -result : result;
            }
            return 0;
        });
        return results.OrderBy(r => r, comparer).ToList();
    }

    private sealed class KeyEquality : IEqualityComparer<Scalar[]>
    {
        public static readonly KeyEquality Instance = new();

        public bool Equals(Scalar[]? x, Scalar[]? y)
        {
            if (x is null || y is null || x.Length != y.Length) return false;
            for (var i = 0; i < x.Length; i++) if (!Scalar.AreEqual(x[i], y[i])) return false;
            return true;
        }

        public int GetHashCode(Scalar[] obj)
        {
            var hash = 17;
            foreach (var value in obj) hash = hash * 31 + value.HashCodeForEquality();
            return hash;
        }
    }
}
