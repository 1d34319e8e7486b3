using LeadLifecycle.LocalOrg.Query.Planning;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadLifecycle.LocalOrg.Query.Conditions;

/// <summary>Compiles a FilterExpression tree (And/Or, nested) into one predicate; an empty filter keeps every row.</summary>
internal static class FilterCompiler
{
    /// <param name="resolve">Which table a condition's EntityName designates.</param>
    /// <param name="slotsUsed">Collects the slots the filter reads, so a filter on the root alone can run before the joins.</param>
    public static Func<Entity?[], bool>? Compile(FilterExpression? filter, Func<string?, TableScope> resolve, QueryContext context, ISet<int>? slotsUsed = null)
    {
        if (filter is null) return null;
        var parts = new List<Func<Entity?[], bool>>();
        foreach (var condition in filter.Conditions)
        {
            var scope = resolve(condition.EntityName);
            slotsUsed?.Add(scope.Slot);
            parts.Add(ConditionCompiler.Compile(condition, scope, context));
        }
        foreach (var child in filter.Filters)
        {
            var compiled = Compile(child, resolve, context, slotsUsed);
            if (compiled is not null) parts.Add(compiled);
        }
        return Combine(parts, filter.FilterOperator);
    }

    /// <summary>One predicate that holds when all (And) or any (Or) of the parts hold; null when there are none.</summary>
    public static Func<Entity?[], bool>? Combine(IReadOnlyList<Func<Entity?[], bool>> parts, LogicalOperator logicalOperator)
    {
        if (parts.Count == 0) return null;
        if (parts.Count == 1) return parts[0];
        var all = parts.ToArray();
        if (logicalOperator == LogicalOperator.Or)
        {
            return row =>
            {
                foreach (var part in all) if (part(row)) return true;
                return false;
            };
        }
        return row =>
        {
            foreach (var part in all) if (!part(row)) return false;
            return true;
        };
    }
}
