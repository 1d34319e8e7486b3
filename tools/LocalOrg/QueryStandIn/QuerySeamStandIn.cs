// TEMPORARY stand-in for the query engine (branch `query` owns tools/LocalOrg/Query/**): the agreed seam plus a
// trivial evaluator (simple conditions, nested filters, column sets, orders, top count). Delete this file when merging `query`.
using LeadLifecycle.SolutionModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query;

public interface IQueryableStore
{
    IEnumerable<Entity> Rows(string logicalName);
    TableMetadataView? Table(string logicalName);
}

public sealed record TableMetadataView(string LogicalName, string PrimaryIdAttribute, IReadOnlyDictionary<string, ColumnType> Columns);

public sealed record QueryContext(DateTime UtcNow, Guid CallerId);

public sealed class QueryFault : Exception
{
    public QueryFault(int errorCode, string message, Exception? inner = null) : base(message, inner) { ErrorCode = errorCode; }
    public int ErrorCode { get; }
}

public static class QueryEngine
{
    public static EntityCollection Execute(QueryBase query, IQueryableStore store, QueryContext context)
    {
        switch (query)
        {
            case QueryExpression qe:
                return Run(qe.EntityName, store, row => Matches(row, qe.Criteria), qe.ColumnSet, qe.Orders, qe.TopCount);
            case QueryByAttribute qa:
                return Run(qa.EntityName, store,
                    row => qa.Attributes.Select((a, i) => Equal(Value(row, a), qa.Values[i])).All(b => b), qa.ColumnSet, qa.Orders, qa.TopCount);
            default:
                throw new QueryFault(unchecked((int)0x80040216), "The query stand-in supports QueryExpression and QueryByAttribute only.");
        }
    }

    private static EntityCollection Run(string table, IQueryableStore store, Func<Entity, bool> filter, ColumnSet columns,
        IList<OrderExpression> orders, int? top)
    {
        var meta = store.Table(table) ?? throw new QueryFault(unchecked((int)0x80041102), $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");
        IEnumerable<Entity> rows = store.Rows(table).Where(filter);
        foreach (var order in orders.Reverse())
        {
            rows = order.OrderType == OrderType.Ascending
                ? rows.OrderBy(r => Value(r, order.AttributeName), Comparer.Instance)
                : rows.OrderByDescending(r => Value(r, order.AttributeName), Comparer.Instance);
        }
        if (top is int t) rows = rows.Take(t);
        var result = new EntityCollection { EntityName = table };
        foreach (var row in rows)
        {
            var e = new Entity(table, row.Id);
            foreach (var a in row.Attributes)
            {
                if (columns.AllColumns || columns.Columns.Contains(a.Key) || a.Key == meta.PrimaryIdAttribute) e[a.Key] = a.Value;
            }
            result.Entities.Add(e);
        }
        return result;
    }

    private static bool Matches(Entity row, FilterExpression filter)
    {
        var results = filter.Conditions.Select(c => Matches(row, c)).Concat(filter.Filters.Select(f => Matches(row, f)));
        return filter.FilterOperator == LogicalOperator.And ? results.All(b => b) : !results.Any() || results.Any(b => b);
    }

    private static bool Matches(Entity row, ConditionExpression c)
    {
        var v = Value(row, c.AttributeName);
        return c.Operator switch
        {
            ConditionOperator.Equal => Equal(v, c.Values[0]),
            ConditionOperator.NotEqual => !Equal(v, c.Values[0]),
            ConditionOperator.Null => v is null,
            ConditionOperator.NotNull => v is not null,
            ConditionOperator.In => c.Values.Any(x => Equal(v, x)),
            ConditionOperator.GreaterThan => v is not null && Comparer.Instance.Compare(v, Raw(c.Values[0])) > 0,
            ConditionOperator.LessThan => v is not null && Comparer.Instance.Compare(v, Raw(c.Values[0])) < 0,
            _ => throw new QueryFault(unchecked((int)0x80040216), $"The query stand-in does not support {c.Operator}."),
        };
    }

    private static object? Value(Entity row, string attribute) => row.Attributes.TryGetValue(attribute, out var v) ? Raw(v) : null;

    private static object? Raw(object? v) => v switch
    {
        EntityReference r => r.Id,
        OptionSetValue o => o.Value,
        Money m => m.Value,
        _ => v,
    };

    private static bool Equal(object? a, object? b)
    {
        a = Raw(a); b = Raw(b);
        if (a is string sa && b is string sb) return string.Equals(sa, sb, StringComparison.OrdinalIgnoreCase);
        if (a is null || b is null) return false;
        if (a is IConvertible && b is IConvertible && a.GetType() != b.GetType() && a is not string && b is not string)
        {
            try { return Convert.ToDecimal(a) == Convert.ToDecimal(b); } catch (Exception) { return false; }
        }
        return a.Equals(b);
    }

    private sealed class Comparer : IComparer<object?>
    {
        public static readonly Comparer Instance = new();
        public int Compare(object? x, object? y)
        {
            if (x is null) return y is null ? 0 : -1;
            if (y is null) return 1;
            if (x is string sx && y is string sy) return string.Compare(sx, sy, StringComparison.OrdinalIgnoreCase);
            if (x is IComparable cx && x.GetType() == y.GetType()) return cx.CompareTo(y);
            return Convert.ToDecimal(x).CompareTo(Convert.ToDecimal(y));
        }
    }
}
